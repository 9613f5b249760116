// libzip (reading workbooks) and libxlsxwriter (writing them) are loaded at their first use, not
// when gongkai starts: `gongkai audit FILE.pdf` and most commands never touch a workbook, and
// the two brought in five libraries — OpenSSL's libcrypto (which both link, for encryption and
// MD5), minizip and libbz2 among them — whose mapping and relocation at every start took about
// 3 ms of CPU time, a third of a small PDF's whole audit (pdftotext's start-up is 5 ms).
//
// How: this module defines, with their exact signatures (a mismatch with the library's header
// does not compile: C functions cannot be overloaded), the functions of the two libraries that
// gongkai calls; gongkai links neither library, so calls go here. The first call of a function
// opens its library with dlopen (once per process) and looks the function up in it; the call and
// every later one go to the library's own function. The library's internal calls never come
// here: the executable does not export these names. A library that cannot be loaded is reported
// as a std::runtime_error naming it, where the call is made.
//
// To call another function of either library: add a line for it below (the linker names any
// that is missing: neither library is linked).
#include <dlfcn.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <mutex>
#include <stdexcept>
#include <string>

namespace gongkai::xlsx {
namespace {

enum Library { kZip, kXlsxwriter };

// The libraries' sonames, from the files the build found (xlsx/CMakeLists.txt).
constexpr const char* kSonames[] = {GONGKAI_LIBZIP_SONAME, GONGKAI_LIBXLSXWRITER_SONAME};

void* Open(Library library) {
  static void* handles[2] = {nullptr, nullptr};
  static std::once_flag once[2];
  std::call_once(once[library], [library] {
    handles[library] = dlopen(kSonames[library], RTLD_NOW | RTLD_LOCAL);
  });
  if (!handles[library]) {
    throw std::runtime_error(std::string("无法加载 ") + kSonames[library] +
                             "（读写 Excel 工作簿所需）/ cannot load " + kSonames[library]);
  }
  return handles[library];
}

void* Symbol(Library library, const char* name) {
  void* symbol = dlsym(Open(library), name);
  if (!symbol) {
    throw std::runtime_error(std::string(kSonames[library]) + " 中没有函数 " + name +
                             " / has no function " + name);
  }
  return symbol;
}

}  // namespace
}  // namespace gongkai::xlsx

// The library's function, looked up at the first call (thread-safe: a function-local static).
#define GONGKAI_LAZY(library, result, name, parameters, arguments)                               \
  extern "C" result name parameters {                                                            \
    static const auto real =                                                                     \
        reinterpret_cast<decltype(&name)>(gongkai::xlsx::Symbol(gongkai::xlsx::library, #name)); \
    return real arguments;                                                                       \
  }

GONGKAI_LAZY(kZip, void, zip_discard, (zip_t * a0), (a0))
GONGKAI_LAZY(kZip, int, zip_error_code_zip, (const zip_error_t* a0), (a0))
GONGKAI_LAZY(kZip, void, zip_error_fini, (zip_error_t * a0), (a0))
GONGKAI_LAZY(kZip, void, zip_error_init, (zip_error_t * a0), (a0))
GONGKAI_LAZY(kZip, int, zip_fclose, (zip_file_t * a0), (a0))
GONGKAI_LAZY(kZip, zip_file_t*, zip_fopen, (zip_t * a0, const char* a1, zip_flags_t a2),
             (a0, a1, a2))
GONGKAI_LAZY(kZip, zip_int64_t, zip_fread, (zip_file_t * a0, void* a1, zip_uint64_t a2),
             (a0, a1, a2))
GONGKAI_LAZY(kZip, zip_error_t*, zip_get_error, (zip_t * a0), (a0))
GONGKAI_LAZY(kZip, zip_t*, zip_open, (const char* a0, int a1, int* a2), (a0, a1, a2))
GONGKAI_LAZY(kZip, zip_t*, zip_open_from_source, (zip_source_t * a0, int a1, zip_error_t* a2),
             (a0, a1, a2))
GONGKAI_LAZY(kZip, zip_source_t*, zip_source_buffer_create,
             (const void* a0, zip_uint64_t a1, int a2, zip_error_t* a3), (a0, a1, a2, a3))
GONGKAI_LAZY(kZip, void, zip_source_free, (zip_source_t * a0), (a0))
GONGKAI_LAZY(kZip, int, zip_stat, (zip_t * a0, const char* a1, zip_flags_t a2, zip_stat_t* a3),
             (a0, a1, a2, a3))
GONGKAI_LAZY(kZip, void, zip_stat_init, (zip_stat_t * a0), (a0))
GONGKAI_LAZY(kXlsxwriter, void, format_set_align, (lxw_format * format, uint8_t alignment),
             (format, alignment))
GONGKAI_LAZY(kXlsxwriter, void, format_set_bg_color, (lxw_format * format, lxw_color_t color),
             (format, color))
GONGKAI_LAZY(kXlsxwriter, void, format_set_bold, (lxw_format * format), (format))
GONGKAI_LAZY(kXlsxwriter, void, format_set_border, (lxw_format * format, uint8_t style),
             (format, style))
GONGKAI_LAZY(kXlsxwriter, void, format_set_font_color, (lxw_format * format, lxw_color_t color),
             (format, color))
GONGKAI_LAZY(kXlsxwriter, void, format_set_font_name, (lxw_format * format, const char* font_name),
             (format, font_name))
GONGKAI_LAZY(kXlsxwriter, void, format_set_font_size, (lxw_format * format, double size),
             (format, size))
GONGKAI_LAZY(kXlsxwriter, void, format_set_indent, (lxw_format * format, uint8_t level),
             (format, level))
GONGKAI_LAZY(kXlsxwriter, void, format_set_num_format,
             (lxw_format * format, const char* num_format), (format, num_format))
GONGKAI_LAZY(kXlsxwriter, void, format_set_text_wrap, (lxw_format * format), (format))
GONGKAI_LAZY(kXlsxwriter, void, format_set_underline, (lxw_format * format, uint8_t style),
             (format, style))
GONGKAI_LAZY(kXlsxwriter, void, lxw_rowcol_to_cell, (char* cell_name, lxw_row_t row, lxw_col_t col),
             (cell_name, row, col))
GONGKAI_LAZY(kXlsxwriter, char*, lxw_strerror, (lxw_error error_num), (error_num))
GONGKAI_LAZY(kXlsxwriter, lxw_format*, workbook_add_format, (lxw_workbook * workbook), (workbook))
GONGKAI_LAZY(kXlsxwriter, lxw_worksheet*, workbook_add_worksheet,
             (lxw_workbook * workbook, const char* sheetname), (workbook, sheetname))
GONGKAI_LAZY(kXlsxwriter, lxw_error, workbook_close, (lxw_workbook * workbook), (workbook))
GONGKAI_LAZY(kXlsxwriter, lxw_workbook*, workbook_new, (const char* filename), (filename))
GONGKAI_LAZY(kXlsxwriter, lxw_workbook*, workbook_new_opt,
             (const char* filename, lxw_workbook_options* options), (filename, options))
GONGKAI_LAZY(kXlsxwriter, lxw_error, workbook_set_properties,
             (lxw_workbook * workbook, lxw_doc_properties* properties), (workbook, properties))
GONGKAI_LAZY(kXlsxwriter, void, worksheet_activate, (lxw_worksheet * worksheet), (worksheet))
GONGKAI_LAZY(kXlsxwriter, void, worksheet_center_horizontally, (lxw_worksheet * worksheet),
             (worksheet))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_data_validation_range,
             (lxw_worksheet * worksheet, lxw_row_t first_row, lxw_col_t first_col,
              lxw_row_t last_row, lxw_col_t last_col, lxw_data_validation* validation),
             (worksheet, first_row, first_col, last_row, last_col, validation))
GONGKAI_LAZY(kXlsxwriter, void, worksheet_fit_to_pages,
             (lxw_worksheet * worksheet, uint16_t width, uint16_t height),
             (worksheet, width, height))
GONGKAI_LAZY(kXlsxwriter, void, worksheet_freeze_panes,
             (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col), (worksheet, row, col))
GONGKAI_LAZY(kXlsxwriter, void, worksheet_hide, (lxw_worksheet * worksheet), (worksheet))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_merge_range,
             (lxw_worksheet * worksheet, lxw_row_t first_row, lxw_col_t first_col,
              lxw_row_t last_row, lxw_col_t last_col, const char* string, lxw_format* format),
             (worksheet, first_row, first_col, last_row, last_col, string, format))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_repeat_rows,
             (lxw_worksheet * worksheet, lxw_row_t first_row, lxw_row_t last_row),
             (worksheet, first_row, last_row))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_set_column,
             (lxw_worksheet * worksheet, lxw_col_t first_col, lxw_col_t last_col, double width,
              lxw_format* format),
             (worksheet, first_col, last_col, width, format))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_set_footer,
             (lxw_worksheet * worksheet, const char* string), (worksheet, string))
GONGKAI_LAZY(kXlsxwriter, void, worksheet_set_landscape, (lxw_worksheet * worksheet), (worksheet))
GONGKAI_LAZY(kXlsxwriter, void, worksheet_set_margins,
             (lxw_worksheet * worksheet, double left, double right, double top, double bottom),
             (worksheet, left, right, top, bottom))
GONGKAI_LAZY(kXlsxwriter, void, worksheet_set_paper,
             (lxw_worksheet * worksheet, uint8_t paper_type), (worksheet, paper_type))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_set_row,
             (lxw_worksheet * worksheet, lxw_row_t row, double height, lxw_format* format),
             (worksheet, row, height, format))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_write_blank,
             (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, lxw_format* format),
             (worksheet, row, col, format))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_write_formula_num,
             (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, const char* formula,
              lxw_format* format, double result),
             (worksheet, row, col, formula, format, result))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_write_number,
             (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, double number,
              lxw_format* format),
             (worksheet, row, col, number, format))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_write_string,
             (lxw_worksheet * worksheet, lxw_row_t row, lxw_col_t col, const char* string,
              lxw_format* format),
             (worksheet, row, col, string, format))
GONGKAI_LAZY(kXlsxwriter, lxw_error, worksheet_write_url_opt,
             (lxw_worksheet * worksheet, lxw_row_t row_num, lxw_col_t col_num, const char* url,
              lxw_format* format, const char* string, const char* tooltip),
             (worksheet, row_num, col_num, url, format, string, tooltip))
