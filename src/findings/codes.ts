// Every finding code, declared once: severity, Chinese title and message template.
// Codes are stable kebab-case identifiers; README's table of codes is generated from this list
// (`npm run docs:codes`), so a code's text lives only here.
// Templates use {name} placeholders filled from a finding's params.
import type { Severity } from './severity.js';

export interface CodeSpec {
  severity: Severity;
  title: string;
  message: string;
  /** Fatal codes stop the run (exit 2): the input cannot be read at all. */
  fatal?: boolean;
}

/** How a message of the table tells the user to let zwgk fix it, and how the app says the same (there the
 * clerk has a button, not a command). */
export const FIX_WORDS = { cli: '可用 zwgk fix（网页版中为“下载修正后的表格”）', app: '可点“下载修正后的表格”' } as const;

export const CODES = {
  // ---- input that cannot be read (exit 2) ----
  'usage': { severity: 'error', fatal: true, title: '用法错误', message: '{detail}。运行 {help} 查看用法' },
  'file-not-found': { severity: 'error', fatal: true, title: '文件不存在', message: '找不到文件：{file}。请检查路径和文件名是否正确' },
  'file-is-directory': { severity: 'error', fatal: true, title: '路径是文件夹', message: '{file} 是一个文件夹，不是文件。请指定目录文件（.xlsx、.yaml、.html、.docx 等）' },
  'file-unreadable': { severity: 'error', fatal: true, title: '文件无法读取', message: '无法读取文件 {file}：{detail}' },
  'folder-empty': { severity: 'error', fatal: true, title: '文件夹中没有目录文件', message: '文件夹 {file} 中没有可读取的目录文件（{exts}）。请把各科室的表放进这个文件夹，或直接写出文件名' },
  'no-match': { severity: 'error', fatal: true, title: '没有匹配的文件', message: '没有与 {pattern} 匹配的文件。请检查文件夹和文件名' },
  'file-too-large': { severity: 'error', fatal: true, title: '文件过大', message: '{file} 有 {size}，超过上限 {limit}，未读取。目录文件通常只有几 MB：请确认选对了文件，或把目录拆成几个文件后分别处理' },
  'file-empty': { severity: 'error', fatal: true, title: '文件为空', message: '文件 {file} 是空的（0 字节）。请确认文件已正确保存' },
  'unsupported-format': { severity: 'error', fatal: true, title: '不支持的文件类型', message: '不支持的文件类型“{ext}”：{file}。请使用 .xlsx 工作簿、.yaml 文件、网页（.html）或 Word 文档（.docx）' },
  'needs-soffice': { severity: 'error', fatal: true, title: '需要 LibreOffice 或另存', message: '{file} 是 {ext} 文件，读取它需要 LibreOffice（soffice），本机未安装。请在 {app} 中打开它，选择“另存为”→“{saveAs}”，再用 {target} 文件重试' },
  'convert-failed': { severity: 'error', fatal: true, title: '格式转换失败', message: '用 LibreOffice 把 {file} 转换为 {target} 失败：{detail}。请在 {app} 中另存为 {target} 后重试' },
  'not-a-workbook': { severity: 'error', fatal: true, title: '不是有效的工作簿', message: '{file} 不是有效的 Excel 工作簿（.xlsx）：{detail}。请在 Excel 或 WPS 中打开并另存为“Excel 工作簿(*.xlsx)”' },
  'file-damaged': { severity: 'error', fatal: true, title: '文件已损坏', message: '文件已损坏：{file} 中{detail}。可能是下载、拷贝或保存时中断，或被其他程序改动过。请重新拷贝或下载原文件；如果只有这一份，请在 Excel 或 WPS 中打开（它们会尝试修复）后另存为新文件再试' },
  'workbook-encrypted': { severity: 'error', fatal: true, title: '工作簿有密码', message: '{file} 设置了打开密码，无法读取。请在 Excel 或 WPS 中取消密码（文件→信息→保护工作簿）后另存一份' },
  'workbook-too-large': { severity: 'error', fatal: true, title: '工作簿解压后过大', message: '{file} 中的“{part}”解压后达 {size}，超过上限 {limit}，可能是损坏或恶意构造的文件。请检查文件来源，或拆分后再处理' },
  'catalog-too-large': { severity: 'error', fatal: true, title: '目录过大', message: '{file} 过大：读到{place}时{detail}，已停止读取，以免耗尽内存。{advice}' },
  'workbook-empty': { severity: 'error', fatal: true, title: '工作簿为空', message: '{file} 中没有任何有内容的工作表。请确认填写的目录已保存' },
  'no-catalog-header': { severity: 'error', fatal: true, title: '找不到目录表头', message: '{file} 的各工作表前 {rows} 行中都没有找到目录表头（{needed}）。{near}请确认表头文字与样表一致' },
  // ---- web pages and Word documents: tables read as grids ----
  'not-a-csv': { severity: 'error', fatal: true, title: '不是 CSV 文本文件', message: '{file} 不是 CSV 文本文件：{detail}' },
  'not-a-document': { severity: 'error', fatal: true, title: '不是有效的 Word 文档', message: '{file} 不是有效的 Word 文档（.docx）：{detail}。请在 Word 或 WPS 中打开并另存为“Word 文档(*.docx)”' },
  'document-encrypted': { severity: 'error', fatal: true, title: 'Word 文档有密码', message: '{file} 设置了打开密码，无法读取。请在 Word 或 WPS 中取消密码（文件→信息→保护文档）后另存一份' },
  'page-too-large': { severity: 'error', fatal: true, title: '网页过大', message: '{file} 有 {size}，超过网页的上限 {limit}，可能是损坏或恶意构造的文件，已拒绝读取。请确认选对了文件，或把目录另存为 Excel 工作簿后再处理' },
  'not-a-page': { severity: 'error', fatal: true, title: '不是网页', message: '{file} 不是网页：{detail}' },
  'page-undecodable': { severity: 'error', fatal: true, title: '网页编码有误', message: '{file} 中有 {count} 处字节无法按 {encoding} 编码解读{where}，读出的文字中找不到目录表格：网页的编码声明可能有误，或文件已损坏。请在浏览器中打开网页，确认文字正常后另存为“网页，仅 HTML”再读，或向发布单位索取原件' },
  'page-too-complex': { severity: 'error', fatal: true, title: '网页或文档结构异常', message: '{file} {detail}（上限 {limit}），可能是损坏或恶意构造的文件，已拒绝读取。请确认选对了文件，或把其中的目录表格复制到 Excel 中另存为 .xlsx' },
  'no-tables': { severity: 'error', fatal: true, title: '没有表格', message: '{file} 中没有任何表格，读不出目录。zwgk 读取{what}中的表格；如果目录是图片、扫描件或附件链接，请下载原件（Excel 或 Word 文件）后再读' },
  'no-catalog-table': { severity: 'error', fatal: true, title: '没有目录表格', message: '{file} 的 {count} 个表格前 {rows} 行中都没有找到目录表头（{needed}）。{near}请确认选对了文件、表头文字与样表一致；如果目录在附件中，请下载附件后再读' },
  'other-list-kind': { severity: 'error', fatal: true, title: '不是政务公开事项目录', message: '{file} 中没有政务公开事项目录的表头；{where}看起来是一份{kind}（表头有{words}等列）。zwgk 目前只读取政务公开事项目录（2017 样表或 2019 标准目录），{kind}的版式尚未支持，未读取' },
  'sheet-not-found': { severity: 'error', fatal: true, title: '工作表不存在', message: '{file} 中没有名为“{sheet}”的工作表。现有工作表：{sheets}' },
  'yaml-syntax': { severity: 'error', fatal: true, title: 'YAML 语法错误', message: 'YAML 语法错误：{detail}。请检查该行的缩进、冒号和引号' },
  'yaml-fullwidth': { severity: 'error', fatal: true, title: 'YAML 中有全角符号', message: '{file} 第 {line} 行第 {column} 列的“{char}”是全角{name}，YAML 只认半角符号。{fix}' },
  'yaml-encoding': { severity: 'error', fatal: true, title: 'YAML 编码不是 UTF-8', message: '{file} 不是 UTF-8 编码（看起来是 {encoding}）。请用记事本或 WPS 另存为“UTF-8”编码后重试' },
  'yaml-binary': { severity: 'error', fatal: true, title: '不是文本文件', message: '{file} 含有二进制数据，不是 YAML 文本文件。请确认选对了文件' },
  'yaml-not-catalog': { severity: 'error', fatal: true, title: 'YAML 不是目录', message: '{file} 的顶层应是含“事项”列表的映射（键: 值），现在是{kind}。请参照 examples/ 中的示例' },
  'yaml-too-complex': { severity: 'error', fatal: true, title: 'YAML 过于复杂', message: '{file} 中的别名（*引用）展开过多，已拒绝读取：{detail}' },
  'yaml-too-deep': { severity: 'error', fatal: true, title: 'YAML 嵌套过深', message: '{file} 第 {line} 行附近的嵌套层数过多（超过 {limit} 层），已拒绝读取。目录只需要几层缩进，请检查是否误写了大量“[”“{”或“-”' },
  'yaml-alias-undefined': { severity: 'error', fatal: true, title: 'YAML 别名没有对应的锚点', message: '{file} 第 {line} 行的别名“*{name}”找不到对应的锚点“&{name}”（锚点要写在别名之前）。请在前面要引用的值前写上 &{name}，或直接写出这个值' },
  'yaml-unknown-tag': { severity: 'error', fatal: true, title: 'YAML 含未知标签', message: '{file} 第 {line} 行使用了不支持的标签 {tag}（不会被执行）。请删除该标签，只写普通文本' },
  'output-is-input': { severity: 'error', fatal: true, title: '输出会覆盖输入', message: '输出文件 {output} 就是输入文件，已拒绝以免覆盖原件。请用 -o 指定另一个文件名' },
  'output-exists': { severity: 'error', fatal: true, title: '输出文件已存在', message: '{output} 已存在。如需覆盖请加 --force，或换一个文件名' },
  'output-not-ours': { severity: 'error', fatal: true, title: '文件夹中有别的文件', message: '文件夹 {dir} 中已有不是 zwgk 生成的同名文件 {names}，写出网站会覆盖它们，已停止，没有写出任何文件。请用 -o 换一个文件夹（或空文件夹）；确认可以覆盖时加 --force' },
  'output-failed': { severity: 'error', fatal: true, title: '无法写出文件', message: '无法写入 {output}：{detail}' },
  'mixed-layouts': { severity: 'error', fatal: true, title: '版式不一致', message: '不能合并不同版式的目录：{detail}。请先把各科室的表统一为同一版式（2017 样表或 2019 标准目录）' },
  'diff-layouts': { severity: 'error', fatal: true, title: '版式不同无法比较', message: '不能比较不同版式的目录：{detail}。请用同一版式（2017 样表或 2019 标准目录）的新旧两版目录进行比较' },
  'profile-mismatch': { severity: 'error', fatal: true, title: '版式不符', message: '{file} 是 {actual} 版式，与指定的 --profile {expected} 不符。请去掉 --profile 或改为 --profile {actual}' },
  'layout-invalid': { severity: 'error', fatal: true, title: '版式定义有误', message: '版式定义 {file} 第 {line} 行：{detail}。请对照 README“其他清单与自定义版式”一节修改' },
  'layout-unknown': { severity: 'error', fatal: true, title: '没有这个版式', message: '{where}没有名为“{name}”的版式。可用的版式：{known}；也可以用 --layout 指定自己的版式定义文件（.yaml），或把它放进清单所在文件夹的 zwgk-版式 子文件夹' },
  'list-not-supported': { severity: 'error', fatal: true, title: '只适用于政务公开事项目录', message: '{what}只适用于政务公开事项目录，{file} 是一份{layout}。其他清单可以校验、修正、生成网页/Excel/Markdown、转换、比较和合并' },
  'layout-file-given': { severity: 'error', fatal: true, title: '这是版式定义文件', message: '{file} 是版式定义文件（规定一种清单有哪些列），不是清单本身。要按它读取清单，请用 --layout {file}，或把它放进清单所在文件夹的 zwgk-版式 子文件夹' },
  'no-list-header': { severity: 'error', fatal: true, title: '找不到清单表头', message: '{file} 中没有找到“{layout}”的表头（需要{needed}等列）。{close}请检查表头，或去掉 --layout 让 zwgk 自动识别' },
  'internal-error': { severity: 'error', fatal: true, title: '内部错误', message: '处理 {file} 时发生内部错误：{detail}。请加 --debug 重试，并把输出反馈给维护者' },

  // ---- structure (reader) ----
  'catalog-empty': { severity: 'warning', title: '目录没有事项', message: '目录中没有任何事项。请在表头下逐行填写事项后再校验' },
  'missing-column': { severity: 'error', title: '缺少必填列', message: '缺少必填列“{field}”。请在表头中加上“{field}”列并填写每个事项{hint}' },
  'blank-header-column': { severity: 'warning', title: '没有表头的列', message: '{column}没有表头，其中 {count} 个单元格有内容（如“{sample}”）{guess}，已作为“{key}”保留在“其他列”中。请在 {cell} 填写这一列的名称' },
  'column-absent': { severity: 'warning', title: '缺少应有的列', message: '没有“{field}”列。{why}请加上这一列并逐项填写' },
  'unknown-column': { severity: 'info', title: '未识别的列', message: '未识别的列“{label}”，已原样保留' },
  'hidden-sheet-ignored': { severity: 'info', title: '不是目录的隐藏工作表', message: '隐藏的工作表“{sheet}”中没有目录表头（可能是下拉选项清单），不是事项；其中 {count} 个有内容的单元格原样保留（转换为 YAML、生成 Excel 时照样写出）' },
  'sheet-ignored': { severity: 'info', title: '不是目录的工作表', message: '工作表“{sheet}”中没有目录表头（如填表说明），不是事项；其中 {count} 个有内容的单元格原样保留（转换为 YAML、生成 Excel 时作为单独的工作表写出）。如果其中有事项，请把它们移到目录工作表中' },
  'same-as-above': { severity: 'info', title: '“同上”已展开', message: '“{field}”写的是“同上”，已按上一事项的值“{value}”处理' },
  'cell-truncated': { severity: 'error', title: '单元格超长', message: '单元格有 {length} 个字符，超过 Excel 单元格上限 {limit}（{why}），只读入了前 {limit} 个字符。请精简或拆分这个单元格的内容' },
  'merge-invalid': { severity: 'error', title: '合并单元格有误', message: '合并区域 {range} {detail}，文件可能已损坏，已按未合并处理。请在 Excel 或 WPS 中取消这处合并，需要时重新合并' },
  'text-above-header': { severity: 'info', title: '表头上方的其他文字', message: '表头上方第 {row} 行的“{text}”不是标题，也不是“编制单位：…　日期：…”，已作为“表前说明”保留（网页、表格和 YAML 中印在表格上方）。如不需要，可在原表中删去这一行' },
  'table-ignored': { severity: 'info', title: '不是目录的表格', message: '{table}中没有目录表头（如网页的栏目导航、索引号/发布机构等信息表），不是事项；其中 {count} 个有内容的单元格（如“{sample}”）原样保留（转换为 YAML、生成 Excel 时作为单独的工作表写出）。如果其中有事项，请确认这个表格的表头与样表一致' },
  'table-heading-differs': { severity: 'info', title: '各表格的标题不同', message: '{table}的{what}“{text}”与前面表格的“{kept}”不同（一个目录只有一个{what}），已作为“表前说明”的一行保留' },
  'csv-formula': { severity: 'warning', title: 'CSV 中像公式的内容', message: '“{text}”以“{lead}”开头，在 Excel 或 WPS 中直接打开这个 CSV 文件时会被当作公式计算（显示的可能是计算结果，甚至是本机的文件路径等信息）；zwgk 按原文读作文字，不计算。请确认这就是要公开的文字；如果要的是计算结果，请直接写出结果' },
  'csv-quote-unclosed': { severity: 'error', title: 'CSV 引号没有闭合', message: '这个单元格以引号（"）开始，但直到文件末尾都没有闭合的引号，其后的 {length} 个字符都读成了这一个单元格。文件可能不完整；请在 Excel 或 WPS 中打开检查，另存为 .xlsx 后再试' },
  'hidden-content': { severity: 'info', title: '隐藏的内容', message: '{what}“{sample}”在原文件中是隐藏的（阅读和打印时看不到），未读入目录。{advice}' },
  'content-unread': { severity: 'warning', title: '未读入的内容', message: '{what}{sample}未读入目录。{advice}' },
  'page-encoding': { severity: 'warning', title: '网页有无法解码的字节', message: '{file} 中有 {count} 处字节无法按 {encoding} 编码解读{where}，已显示为“\uFFFD”，其余内容照常读取。请在浏览器中打开网页确认这几处文字是否正常，或向发布单位索取原件' },
  'sheet-heading-differs': { severity: 'info', title: '各工作表的标题不同', message: '工作表“{sheet}”的{what}“{text}”与前面工作表的“{kept}”不同（一个目录只有一个{what}），已作为“表前说明”的一行保留' },
  'cell-unread': { severity: 'warning', title: '未读入的单元格', message: '第 {row} 行的“{text}”不属于目录的任何一列，未读入目录。请把它移到对应的列中，或删除' },
  'item-below-note': { severity: 'warning', title: '事项写在注的下方', message: '第 {row} 行的事项写在表格下方的“注”之后，已作为事项读取。请把它移到“注”的上方：在“注”所在行点右键“插入”空行，再把这一行剪切过去' },
  'row-below-note': { severity: 'info', title: '注下方的表格行', message: '第 {row} 行在“注”之后，有 {count} 个单元格，但没有序号和名称，不像事项，已作为注的一部分读取。如果它是事项，请把它移到“注”的上方并填写序号和名称' },
  'section-row': { severity: 'info', title: '分组标题行', message: '第 {row} 行“{text}”是分组标题，不是事项，已作为其下各事项的“{column}”列保留' },
  'section-category': { severity: 'info', title: '分组标题作为类别', message: '第 {row} 行“{text}”是分组标题；表格中没有“{field}”列，已把“{category}”作为其下各事项的{field}' },
  'row-value-joined': { severity: 'info', title: '同一事项的多行取值', message: '第 {row} 行的“{field}”另有内容“{value}”，已与上一行合并为同一事项的值（用换行分隔）。如果这是另一个事项，请为它填写序号和名称；如果是同一个值，请合并单元格' },
  'continuation-row': { severity: 'info', title: '续行', message: '第 {row} 行没有序号和名称，已作为上一事项的续行（又一组公开内容）读取' },
  'yaml-unquoted': { severity: 'warning', title: 'YAML 值需要加引号', message: '“{field}”的值 {written} 没有加引号，YAML 会把它读成{kind} {read}；已按原文“{written}”读取。请给它加上引号，写成 "{written}"' },
  'options-wrong-layout': { severity: 'warning', title: '2017 版式中的“选项”', message: '“{key}”只用于 2019 版式（{keys}的选项清单），2017 版式没有这些列，其内容已作为“表前说明”的一行保留。请删除“{key}”这一项；如果这是 2019 版式的目录，请把“版式”改为 "2019"' },
  'unknown-key-kept': { severity: 'warning', title: '未知字段（已保留）', message: '未知字段“{key}”，已作为{kept}保留。可用字段：{known}；如是笔误，请改成其中之一' },
  'unknown-key': { severity: 'warning', title: '未知字段', message: '未知字段“{key}”，已忽略。可用字段：{known}' },
  'wrong-type': { severity: 'error', title: '类型错误', message: '“{field}”应为{expected}，现在是{actual}。请改为{expected}' },
  'tick-invalid': { severity: 'warning', title: '勾选列中写了文字', message: '“{field}”的“{option}”列写的是“{value}”而不是 √，已按勾选“{option}”读取，“{value}”原样保留。勾选请写 √（要说明的话写进备注），不选请留空' },
  'table-other-layout': { severity: 'error', fatal: true, title: '表格版式不同', message: '{file} 中{table}是 {actual} 版式，与第一个目录表格（{first}）的 {expected} 版式不同。一个目录只能用一种版式，为免丢掉其中的事项，没有读取这个文件。请把两种版式的表格分别复制到两个 Excel 文件中，再分别处理{how}' },
  'sheet-other-layout': { severity: 'error', fatal: true, title: '工作表版式不同', message: '{file} 中工作表“{sheet}”是 {actual} 版式，与第一个目录工作表（{first}）的 {expected} 版式不同。一个目录只能用一种版式，为免丢掉其中的事项，没有读取这个文件。请把两种版式的工作表另存为两个文件后分别处理{how}' },
  'sheet-other-layout-skipped': { severity: 'warning', title: '按指定版式跳过的工作表', message: '按指定的 {expected} 版式读取，{place}（{actual} 版式）没有读入目录，转换和生成的文件中也没有它。要处理它，请用 --profile {actual} 另外读取' },
  'tick-value-unknown': { severity: 'warning', title: '无法识别的选项', message: '“{field}”写的是“{value}”，不是 {options} 中的选项，已原样保留。请改为 {options} 之一，或改用分列打 √ 的表头' },
  'channel-unmarked': { severity: 'warning', title: '渠道缺少 ■/□ 标记', message: '“{field}”中“{unmarked}”前面没有 ■ 或 □（同一单元格中其他渠道有），已按选用读取。请在前面加 ■（选用）或 □（未选用）' },
  'channel-unknown': { severity: 'info', title: '非标准公开渠道', message: '公开渠道“{value}”不在标准清单中，已原样保留' },

  'layout-uncertain': { severity: 'info', title: '版式识别不确定', message: '表头与几种版式都相近：{candidates}。已按“{chosen}”读取；如果不对，请用 --layout 指定版式' },
  'list-value-invalid': { severity: 'warning', title: '取值格式不对', message: '“{field}”写的是“{value}”，不是{expected}。请改为{example}' },
  'list-option-unknown': { severity: 'warning', title: '不在可选值中', message: '“{field}”的“{value}”不在可选值（{options}）中，已原样保留。请改为其中之一' },
  'list-item-duplicate': { severity: 'warning', title: '事项重复', message: '事项“{name}”与{other}重复（{fields}都相同）。请合并或删除其一' },
  // ---- schema ----
  'required-blank': { severity: 'error', title: '必填项为空', message: '必填项“{field}”为空。{description}，请补充填写' },
  'cell-too-long': { severity: 'error', title: '单元格超长', message: '“{field}”有 {length} 个字符，超过 Excel 单元格上限 32767。请精简或拆分' },
  'invalid-value': { severity: 'error', title: '取值不合规', message: '“{field}”的值“{value}”不合规：{detail}' },

  // ---- content rules ----
  'wenhao-brackets': { severity: 'warning', title: '文号括号不规范', message: '文号“{found}”的年份应使用六角括号〔〕，应写作“{fixed}”' },
  'wenhao-spacing': { severity: 'warning', title: '文号含空格', message: '文号“{found}”中有多余空格，应写作“{fixed}”' },
  'wenhao-double-hao': { severity: 'warning', title: '文号重复“号”字', message: '文号“{found}”多了一个“号”字，应写作“{fixed}”' },
  'numbered-one': { severity: 'info', title: '编号只有第 1 项', message: '“{field}”写成了编号列表，却只有第 1 项“{text}”，内容可能没有写完。请补全其余各项，或去掉编号' },
  'citation-paren-unclosed': { severity: 'warning', title: '括号没有闭合', message: '“{text}”中的“{open}”后面没有对应的“{close}”。请补上“{close}”，或删去多余的“{open}”' },
  'citation-unbalanced': { severity: 'warning', title: '书名号不成对', message: '“{text}”中的书名号《》不成对。请补全文件名两侧的《》' },
  'citation-incomplete': { severity: 'warning', title: '依据未列文件名和文号', message: '依据中既没有《文件名》也没有文号。请列出文件名和文号，例如《中华人民共和国政府信息公开条例》（国务院令第711号）' },
  'deadline-unrecognized': { severity: 'warning', title: '公开时限无法识别', message: '公开时限“{value}”无法识别。请写明触发事件和期限，例如“自信息形成或者变更之日起20个工作日内”' },
  'deadline-vague': { severity: 'warning', title: '公开时限只写了“及时”', message: '公开时限“{value}”没有写明从什么时候起、多长时间内公开。请写明触发事件和期限，例如“自信息形成或者变更之日起20个工作日内”，或写明按什么及时公开，如“按工作进展情况及时公开”' },
  'deadline-too-long': { severity: 'warning', title: '公开时限超过20个工作日', message: '公开时限“{value}”为{span}，超过《政府信息公开条例》第二十六条规定的20个工作日。请改为“自信息形成或者变更之日起20个工作日内”或更短，或在备注中说明依据' },
  'tick-missing': { severity: 'error', title: '未勾选', message: '“{field}”一项也没有勾选。请在 {options} 中至少勾选一项（填 √）' },
  'channel-missing': { severity: 'error', title: '未选择公开渠道', message: '“公开渠道和载体”没有选中任何渠道。请至少选择一项（■政府网站 等）' },
  'serial-duplicate': { severity: 'error', title: '序号重复', message: '序号 {serial} 与{other}重复。请重新编号' },
  'serial-order': { severity: 'warning', title: '序号不连续', message: '序号 {serial} 应为 {expected}（{detail}）。请按 1、2、3…顺序编号' },
  'item-duplicate': { severity: 'warning', title: '事项重复', message: '事项“{item}”重复，另见 {other}。请合并或删除其一' },
  'standard-missing': { severity: 'error', title: '公开内容缺少公开标准', message: '公开内容“{content}”没有对应的公开标准。请在同一行填写公开标准' },
  'content-missing': { severity: 'error', title: '公开标准缺少公开内容', message: '公开标准“{standard}”没有对应的公开内容。请在同一行填写公开内容' },
  'category-spelling': { severity: 'info', title: '类别写法不一', message: '{field}“{value}”与“{common}”（{cells}）只差空格、换行、全半角或标点，已按同一类别处理。可用 zwgk fix（网页版中为“下载修正后的表格”）统一为“{common}”' },
  'placeholder': { severity: 'warning', title: '模板占位文字未改', message: '“{field}”写的是“{value}”，其中“{found}”是模板里的占位文字。请改为实际内容' },
  'serial-invalid': { severity: 'warning', title: '序号不是正整数', message: '序号“{serial}”不是正整数{detail}。请按 1、2、3…编号' },
  'xml-char': { severity: 'error', title: '不可见的非法字符', message: '“{field}”中有 Excel 文件不允许的字符 {chars}（多为从其他系统复制来的不可见字符），生成 Excel 时写成 Excel 的转义形式 {escaped}，其他程序中可能显示为这样的文字。请删除这些字符，可用 zwgk fix（网页版中为“下载修正后的表格”）自动删除' },
  'whitespace': { severity: 'info', title: '首尾空格', message: '“{field}”首尾有多余空格，可用 zwgk fix（网页版中为“下载修正后的表格”）自动去除' },
  'odd-char': { severity: 'info', title: '异常字符', message: '“{field}”中有{chars}，公开网页上会原样显示。请在原表中改为应有的字（如顿号“、”或间隔号“·”），或删去' },
  'space-in-word': { severity: 'info', title: '词语中间有空格', message: '“{field}”的“{found}”中有空格或换行把词语断开了（多为从 PDF 或窄列中复制而来），应写作“{fixed}”。可用 zwgk fix（网页版中为“下载修正后的表格”）自动去除' },
  'merged-values': { severity: 'warning', title: '合并单元格中写了几个事项的值', message: '“{field}”的合并单元格跨 {count} 个事项，写的是“{value}”，像是每个事项各一个（{parts}），现在每个事项都读作整段文字。请拆分合并单元格，分别填写每个事项的“{field}”' },
  'header-fused': { severity: 'warning', title: '两个选项写在一个表头单元格', message: '两列共用的表头写的是“{label}”，已读作“{first}”“{second}”两个选项。请把两个选项分别写在各自的表头单元格中' },
  'header-spelling': { severity: 'info', title: '表头写法不标准', message: '表头“{label}”应写作“{fixed}”，可用 zwgk fix（网页版中为“下载修正后的表格”）自动修改' },

  // ---- merge / coverage ----
  'merge-relabelled': { severity: 'info', title: '合并时列名不同', message: '{file} 的“{label}”列合并到“{into}”列下（同一公开层级的不同写法）；如果不是同一层级，请先把列名改成一致再合并' },
  'merge-heading-differs': { severity: 'info', title: '合并的文件标题不同', message: '{file} 的{what}“{text}”与合并结果的“{kept}”不同（一个目录只有一个{what}），已作为“表前说明”的一行保留' },
  'merge-duplicate': { severity: 'warning', title: '合并时发现重复事项', message: '重复：事项“{item}”同时出现在 {first} 和 {second}，两处均已保留' },
  'reference-unrelated': { severity: 'warning', title: '与参考目录没有相同事项', message: '参考目录 {reference} 的 {count} 个事项中没有一个与本目录相同或相近：差距报告会把它们全部列为缺少。请确认选对了参考目录（应是上级下发的同一领域的标准目录）' },
  'reference-other-layout': { severity: 'info', title: '参考目录版式不同', message: '参考目录 {reference} 是 {theirs} 版式，本目录是 {ours} 版式：只按事项类别（一级事项）和名称（二级事项）比对，其余各列不比较' },
  'fuzzy-match': { severity: 'info', title: '按相似度匹配', message: '事项“{item}”按相似度（{score}）匹配到参考目录的“{refItem}”' },
} as const satisfies Record<string, CodeSpec>;

export type Code = keyof typeof CODES;

