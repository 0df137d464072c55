// Stands in for Node modules (fs, crypto) that exceljs requires but never uses on the paths the core takes.
module.exports = {};
