// Records keyed by what a file says (extra columns by their header label, a list's values by column key).
// They must find nothing for “constructor” or “__proto__”, so none may inherit from Object.prototype. An
// object made by Object.create(null) is a dictionary in V8, 184 bytes while empty; one whose prototype is
// a frozen empty object without a prototype is an ordinary object of 56 bytes and finds nothing either
// (`__proto__` is an accessor of Object.prototype, so here it is a key like any other). A 100 000-item
// catalog keeps one per item (issue 19).

/** The one prototype of every record: empty, frozen, itself without a prototype. */
export const RECORD_PROTO: object = Object.freeze(Object.create(null) as object);

/** A prototype-free record (keys come from files: “constructor” must find nothing). */
export function record<T>(): Record<string, T> {
  return Object.create(RECORD_PROTO) as Record<string, T>;
}
