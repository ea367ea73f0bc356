# Per-target defaults: warnings on, and the version every binary reports.
function(fest_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-missing-field-initializers)
    target_compile_definitions(${target} PRIVATE
        FEST_VERSION="${PROJECT_VERSION}")
endfunction()

# A Qt Test executable registered with CTest. Usage:
#   fest_add_test(tst_name SOURCES a.cpp LIBS fest_bus LABELS unit TIMEOUT 60)
function(fest_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    fest_target_defaults(${name})
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;FEST_BINARY_DIR=${CMAKE_BINARY_DIR};FEST_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()
