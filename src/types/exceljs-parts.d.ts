// Types of the two parts of exceljs that render/xlsx/write.ts uses beyond its public API, to write the shared
// strings part in pieces with exceljs's own XML (see writeSharedStrings there).
declare module 'exceljs/lib/utils/xml-stream.js' {
  export default class XmlStream {
    static StdDocAttributes: Record<string, string>;
    openXml(attributes: Record<string, string>): void;
    openNode(name: string, attributes?: Record<string, string | number>): void;
    get xml(): string;
  }
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-string-xform.js' {
  export default class SharedStringXform {
    /** Appends `<si>…</si>` to an XmlStream of xml-stream.js. */
    render(xml: object, value: string): void;
  }
}
