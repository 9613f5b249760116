# Sources and libraries of the office formats (PDF, XLSX); included from the top CMakeLists.
target_sources(gongkai_lib PRIVATE src/render/office_renderer.cc)
