// The LibreOffice profile and environment a conversion runs in: nothing named in the input may be
// fetched (a web page saved as .xls/.ods loads its style sheets and images, a .docx renamed .doc its
// linked pictures, an .ods or .odt its linked images — each a request that tells a stranger a clerk
// opened the file, and on Windows a file://server/share link would send the clerk's login hash).
// Three locks, each enough for what it covers (test/robust/soffice-network.test.ts shows the requests
// that an unlocked soffice sends and that none reaches the network through these):
// - every HTTP/HTTPS/FTP request goes to a proxy that is a socket of ours which answers nothing
//   (soffice.ts opens it for the run), also for localhost, so no proxy exception lets one through;
// - linked pictures from a document's own references are blocked (BlockUntrustedRefererLinks), which
//   stops them before any protocol, file:// included;
// - links, DDE and OLE are never updated on load, macros never run, formulas are not recalculated
//   (a WEBSERVICE() or an external reference would otherwise be a request of its own).
// The proxy variables of the environment point at the same socket for any library that reads them.

/** One setting of registrymodifications.xcu: its node path, name, type and value. */
interface Setting {
  path: string;
  name: string;
  type: 'boolean' | 'int' | 'string';
  value: string;
}

function settings(proxyHost: string, proxyPort: number): Setting[] {
  const inet = '/org.openoffice.Inet/Settings';
  const security = '/org.openoffice.Office.Common/Security/Scripting';
  return [
    // Manual proxy (2) for every protocol, with no exception list.
    { path: inet, name: 'ooInetProxyType', type: 'int', value: '2' },
    ...(['HTTP', 'HTTPS', 'FTP'] as const).flatMap((p): Setting[] => [
      { path: inet, name: `ooInet${p}ProxyName`, type: 'string', value: proxyHost },
      { path: inet, name: `ooInet${p}ProxyPort`, type: 'int', value: String(proxyPort) },
    ]),
    { path: inet, name: 'ooInetNoProxy', type: 'string', value: '' },
    { path: security, name: 'BlockUntrustedRefererLinks', type: 'boolean', value: 'true' },
    // Macros: "very high" (trusted locations only, and there are none) and switched off altogether.
    { path: security, name: 'MacroSecurityLevel', type: 'int', value: '3' },
    { path: security, name: 'DisableMacrosExecution', type: 'boolean', value: 'true' },
    // Update links on load: Calc's 1 and Writer's 0 both mean never.
    { path: '/org.openoffice.Office.Calc/Content/Update', name: 'Link', type: 'int', value: '1' },
    { path: '/org.openoffice.Office.Writer/Content/Update', name: 'Link', type: 'int', value: '0' },
    { path: '/org.openoffice.Office.Writer/Content/Update', name: 'Field', type: 'boolean', value: 'false' },
    // Recalculation on load: 1 = never (the cached values are what the sender's Excel showed).
    { path: '/org.openoffice.Office.Calc/Formula/Load', name: 'OOXMLRecalcMode', type: 'int', value: '1' },
    { path: '/org.openoffice.Office.Calc/Formula/Load', name: 'ODFRecalcMode', type: 'int', value: '1' },
  ];
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The user profile's registrymodifications.xcu for a conversion whose dead proxy listens at host:port. */
export function profileSettings(proxyHost: string, proxyPort: number): string {
  const items = settings(proxyHost, proxyPort).map(
    (s) => `<item oor:path="${xml(s.path)}"><prop oor:name="${xml(s.name)}" oor:op="fuse"><value>${xml(s.value)}</value></prop></item>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    ...items,
    '</oor:items>',
    '',
  ].join('\n');
}

const PROXY_VARIABLES = ['http_proxy', 'https_proxy', 'ftp_proxy', 'all_proxy'];

/** The environment soffice runs in: the user's, with every proxy variable set to the dead proxy and no exceptions. */
export function sofficeEnvironment(base: NodeJS.ProcessEnv, proxyHost: string, proxyPort: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(base)) {
    const lower = k.toLowerCase();
    if (lower === 'no_proxy' || PROXY_VARIABLES.includes(lower)) continue;
    env[k] = v;
  }
  const proxy = `http://${proxyHost}:${proxyPort}`;
  for (const k of PROXY_VARIABLES) env[k] = env[k.toUpperCase()] = proxy;
  return env;
}
