// Words the drafting templates print, kept free of heavy imports (the YAML skeleton must not load exceljs).

/** Title placeholder the unit overwrites with its own name (Excel template and YAML skeleton). */
export const TEMPLATE_TITLE = 'XX单位政务公开事项标准目录';
