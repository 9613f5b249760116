# Sources and libraries of the office formats (PDF, XLSX); included from the top CMakeLists.
# PDF: cairo + pango (PangoCairo), fonts from fonts-noto-cjk at run time (reduced copies made
# with HarfBuzz's subsetter and registered with fontconfig: src/render/pdf_fonts.h). XLSX: libxlsxwriter
# writes; the workbook reader (src/load/xlsx_reader.cc) is built on libzip + pugixml.
# Debian packages: libcairo2-dev libpango1.0-dev libharfbuzz-dev libfontconfig-dev libxlsxwriter-dev
# libzip-dev libpugixml-dev zlib1g-dev
# (scripts/bootstrap.sh).
find_package(PkgConfig REQUIRED)
pkg_check_modules(GONGKAI_OFFICE REQUIRED IMPORTED_TARGET
  cairo pangocairo harfbuzz-subset fontconfig xlsxwriter libzip pugixml)
target_sources(gongkai_lib PRIVATE
  src/render/office_renderer.cc
  src/render/pdf_fonts.cc
  src/render/pdf_glyph_batch.cc
  src/render/pdf_pages.cc
  src/render/pdf_table_layout.cc
  src/render/pdf_text.cc
  src/render/pdf_renderer.cc
  src/render/compression_level.cc
  src/render/xlsx_renderer.cc
  src/load/xlsx_reader.cc
  src/load/workbook_source.cc
)
# zlib directly: src/render/compression_level.cc sets the level of cairo's PDF streams.
find_package(ZLIB REQUIRED)
target_link_libraries(gongkai_lib PUBLIC PkgConfig::GONGKAI_OFFICE ZLIB::ZLIB ${CMAKE_DL_LIBS})
