// Files of every kind zwgk converts with LibreOffice that name remote resources the way real documents
// do: a web page saved as .xls/.et/.ods (its style sheet, images, a background), an .xlsx renamed .xls
// (a linked picture), an .ods and a flat-XML .ods (linked images), a web page, a .docx and an ODF text
// saved as .doc/.wps (linked pictures). Each names http://127.0.0.1:<port>/<marker>.png (a path unique to
// the file, so a request says which file sent it) and the same picture by https, ftp and localhost.
// Each also holds a small 2017-layout catalog, so its conversion can be read back.
import { crc32, type ZipEntry } from '../../src/formats/ooxml/zip.js';
import { writeZip } from '../../src/formats/ooxml/zip-write.js';

/** One file: its name's extension, what LibreOffice makes of it, its bytes, and the marker in its URLs. */
export interface RemoteFile {
  marker: string;
  ext: string;
  target: '.xlsx' | '.docx';
  bytes: Uint8Array;
}

const HEAD = ['序号', '事项类别', '名称', '依据', '公开内容', '公开标准', '公开主体', '公开方式', '公开时限'];
const ROW = ['1', '财政', '预算公开', '《中华人民共和国预算法》', '部门预算', '收支总表', '县财政局', '政府网站', '批复后20日内'];

const enc = new TextEncoder();

function zipEntry(name: string): ZipEntry {
  return {
    name,
    nameBytes: enc.encode(name),
    method: 0,
    flags: 0,
    crc: 0,
    compressedSize: 0,
    size: 0,
    localOffset: 0,
    versionMadeBy: 20,
    versionNeeded: 20,
    time: 0,
    date: 0x21,
    internalAttrs: 0,
    externalAttrs: 0,
    extra: new Uint8Array(0),
    comment: new Uint8Array(0),
    encrypted: false,
  };
}

/** A zip of text parts; ODF's `mimetype` first and stored, as the format asks. */
export async function zip(parts: [string, string][]): Promise<Uint8Array> {
  return writeZip(
    parts.map(([name, text]) => {
      const bytes = enc.encode(text);
      if (name !== 'mimetype') return { entry: zipEntry(name), content: bytes };
      return { entry: { ...zipEntry(name), crc: crc32(bytes), size: bytes.length, compressedSize: bytes.length }, raw: bytes };
    }),
  );
}

/** The same resource by several protocols and host names; the first (plain http to 127.0.0.1) is the one an unlocked soffice is shown to fetch. */
function urls(port: number, marker: string): string[] {
  return [`http://127.0.0.1:${port}/${marker}.png`, `https://127.0.0.1:${port}/${marker}-https.png`, `ftp://127.0.0.1:${port}/${marker}-ftp.png`, `http://localhost:${port}/${marker}-localhost.png`];
}

function page(port: number, marker: string): string {
  const [first, ...more] = urls(port, marker);
  const cells = (r: string[], tag: string): string => `<tr>${r.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;
  return [
    // A comment first and the table late: the page is not recognised as one by its opening bytes.
    `<!-- exported -->\n<html><head><meta charset="utf-8"><link rel="stylesheet" href="http://127.0.0.1:${port}/${marker}.css"></head>`,
    `<body style="background:url(http://127.0.0.1:${port}/${marker}-bg.png)"><img src="${first}">${more.map((u) => `<img src="${u}">`).join('')}`,
    `<table>${cells(HEAD, 'td')}${cells(ROW, 'td')}</table></body></html>`,
  ].join('\n');
}

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2"';

function odfRows(): string {
  const row = (r: string[]): string => `<table:table-row>${r.map((c) => `<table:table-cell office:value-type="string"><text:p>${c}</text:p></table:table-cell>`).join('')}</table:table-row>`;
  return row(HEAD) + row(ROW);
}

function odfImages(port: number, marker: string, anchor: string): string {
  return urls(port, marker)
    .map((u, i) => `<draw:frame draw:name="p${i}" svg:width="2cm" svg:height="2cm" svg:x="${i * 2}cm" svg:y="0cm"${anchor}><draw:image xlink:href="${u}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame>`)
    .join('');
}

function odsContent(port: number, marker: string, root: 'document-content' | 'document'): string {
  const mime = root === 'document' ? ' office:mimetype="application/vnd.oasis.opendocument.spreadsheet"' : '';
  return `<?xml version="1.0" encoding="UTF-8"?><office:${root} ${ODF_NS}${mime}><office:body><office:spreadsheet><table:table table:name="目录"><table:shapes>${odfImages(port, marker, '')}</table:shapes>${odfRows()}</table:table></office:spreadsheet></office:body></office:${root}>`;
}

function odf(mime: string, content: string): Promise<Uint8Array> {
  return zip([
    ['mimetype', mime],
    ['content.xml', content],
    [
      'META-INF/manifest.xml',
      `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ],
  ]);
}

/** An .ods with a catalog sheet and linked images (what a clerk's OpenOffice or WPS may save). */
export function linkedImageOds(port: number, marker: string): Promise<Uint8Array> {
  return odf('application/vnd.oasis.opendocument.spreadsheet', odsContent(port, marker, 'document-content'));
}

function odt(port: number, marker: string): Promise<Uint8Array> {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NS}><office:body><office:text><text:p>${odfImages(port, marker, ' text:anchor-type="paragraph"')}</text:p><table:table table:name="T">${odfRows()}</table:table></office:text></office:body></office:document-content>`;
  return odf('application/vnd.oasis.opendocument.text', content);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';

function externalImages(port: number, marker: string): string {
  return urls(port, marker)
    .map((u, i) => `<Relationship Id="rIdImg${i}" Type="${REL}/image" Target="${u}" TargetMode="External"/>`)
    .join('');
}

function docx(port: number, marker: string): Promise<Uint8Array> {
  const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`;
  const picture = (i: number): string =>
    `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/><wp:docPr id="${i + 1}" name="p${i}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${i + 1}" name="p${i}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:link="rIdImg${i}"/></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  const row = (r: string[]): string => `<w:tr>${r.map((c) => `<w:tc><w:p><w:r><w:t>${c}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`;
  const body = `${[0, 1, 2, 3].map(picture).join('')}<w:tbl>${row(HEAD)}${row(ROW)}</w:tbl><w:sectPr/>`;
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`],
    ['word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}">${externalImages(port, marker)}</Relationships>`],
    ['word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`],
  ]);
}

function xlsx(port: number, marker: string): Promise<Uint8Array> {
  const cell = (ref: string, t: string): string => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const row = (r: number, values: string[]): string => `<row r="${r}">${values.map((v, i) => cell(`${String.fromCharCode(65 + i)}${r}`, v)).join('')}</row>`;
  const pics = [0, 1, 2, 3]
    .map(
      (i) =>
        `<xdr:twoCellAnchor><xdr:from><xdr:col>${i}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${i + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>8</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="p${i}"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:link="rIdImg${i}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join('');
  const ooxml = 'application/vnd.openxmlformats-officedocument';
  return zip([
    ['[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ooxml}.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ooxml}.spreadsheetml.worksheet+xml"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="${ooxml}.drawing+xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheetData>${row(1, HEAD)}${row(2, ROW)}</sheetData><drawing r:id="rId1"/></worksheet>`],
    ['xl/worksheets/_rels/sheet1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`],
    ['xl/drawings/drawing1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">${pics}</xdr:wsDr>`],
    ['xl/drawings/_rels/drawing1.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}">${externalImages(port, marker)}</Relationships>`],
  ]);
}

/** Every kind, each under every extension that leads to LibreOffice (the marker says kind and extension). */
export async function remoteFiles(port: number): Promise<RemoteFile[]> {
  const out: RemoteFile[] = [];
  const add = async (kind: string, exts: string[], target: RemoteFile['target'], make: (marker: string) => string | Promise<Uint8Array>): Promise<void> => {
    for (const ext of exts) {
      const marker = `${kind}-${ext.slice(1)}`;
      const made = await make(marker);
      out.push({ marker, ext, target, bytes: typeof made === 'string' ? enc.encode(made) : made });
    }
  };
  await add('page', ['.xls', '.et', '.ods'], '.xlsx', (m) => page(port, m));
  await add('xlsx', ['.xls', '.et'], '.xlsx', (m) => xlsx(port, m));
  await add('ods', ['.ods', '.xls', '.et'], '.xlsx', (m) => linkedImageOds(port, m));
  await add('fods', ['.ods'], '.xlsx', (m) => odsContent(port, m, 'document'));
  await add('page', ['.doc', '.wps'], '.docx', (m) => page(port, m));
  await add('docx', ['.doc', '.wps'], '.docx', (m) => docx(port, m));
  await add('odt', ['.doc', '.wps'], '.docx', (m) => odt(port, m));
  return out;
}
