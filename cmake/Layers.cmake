# One static library per folder of src/, each linking only to the layers below it.
#
# gongkai_layer(NAME SOURCES … DEPENDS … [LIBS …]) makes the library gongkai_<NAME> from
# src/<NAME>/. Two things make a dependency upward (or a cycle) impossible to build:
#   - DEPENDS may name only layers defined before this one (the order of add_subdirectory in
#     src/CMakeLists.txt is the order of the layers), checked here at configure time;
#   - a layer's headers are visible only to itself and to the layers that link it: each layer
#     publishes an include root of its own (build/layers/<NAME>/) that holds one link,
#     <NAME> -> src/<NAME>, so `#include "render/…"` in src/review/ is "file not found".
set_property(GLOBAL PROPERTY GONGKAI_LAYERS "")

function(gongkai_layer name)
  cmake_parse_arguments(L "" "" "SOURCES;DEPENDS;LIBS" ${ARGN})
  get_property(defined GLOBAL PROPERTY GONGKAI_LAYERS)
  foreach(dep IN LISTS L_DEPENDS)
    if(NOT dep IN_LIST defined)
      message(FATAL_ERROR "layer ${name} depends on ${dep}, which is not a layer below it "
                          "(layers so far: ${defined}); see docs/architecture.md")
    endif()
  endforeach()
  set(root "${CMAKE_BINARY_DIR}/layers/${name}")
  file(MAKE_DIRECTORY "${root}")
  if(NOT EXISTS "${root}/${name}")
    file(CREATE_LINK "${CMAKE_SOURCE_DIR}/src/${name}" "${root}/${name}" SYMBOLIC)
  endif()
  add_library(gongkai_${name} STATIC ${L_SOURCES})
  target_include_directories(gongkai_${name} PUBLIC "${root}")
  foreach(dep IN LISTS L_DEPENDS)
    target_link_libraries(gongkai_${name} PUBLIC gongkai_${dep})
  endforeach()
  if(L_LIBS)
    target_link_libraries(gongkai_${name} PUBLIC ${L_LIBS})
  endif()
  set_property(GLOBAL APPEND PROPERTY GONGKAI_LAYERS ${name})
endfunction()
