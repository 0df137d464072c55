// Default output names of the commands that make a file from nothing; apart from commands/ and run/ so
// that neither imports the other.
export const DEFAULT_APP_OUTPUT = '政务公开目录工具.html';
export const DEFAULT_INIT_OUTPUT = '政务公开事项目录.xlsx';
