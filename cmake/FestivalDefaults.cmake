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
    if(FEST_SANITIZE)
        math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * ${FEST_SANITIZE_TIMEOUT_FACTOR}")
    endif()
    # Qt Test's own watchdog ends a test function after 5 minutes, before a long-size
    # scenario's TIMEOUT: ctest's limit is the one that holds.
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_QUICK_BACKEND=software;FEST_BINARY_DIR=${CMAKE_BINARY_DIR};FEST_SOURCE_DIR=${CMAKE_SOURCE_DIR};QTEST_FUNCTION_TIMEOUT=${ARG_TIMEOUT}000")
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()

# The calendar guard: a test that runs processes against a programme runs a second time
# as tst_<name>_next_year, with every process it starts a year ahead (libfaketime shifts
# the wall clock; the monotonic clock, timers and timeouts are left alone). A test that
# only passes near the sample festival's dates fails there.
find_file(FEST_LIBFAKETIME libfaketime.so.1
    PATHS /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/faketime /usr/lib/faketime NO_DEFAULT_PATH)
function(fest_add_calendar_guard name)
    get_test_property(${name} TIMEOUT timeout)
    get_test_property(${name} ENVIRONMENT environment)
    get_test_property(${name} LABELS labels)
    if(FEST_LIBFAKETIME)
        add_test(NAME ${name}_next_year COMMAND ${name})
        set_tests_properties(${name}_next_year PROPERTIES ENVIRONMENT
            "${environment};LD_PRELOAD=${FEST_LIBFAKETIME};FAKETIME=+365d;FAKETIME_DONT_FAKE_MONOTONIC=1")
    else()
        # Not skipped: without the library the guard cannot run, and says so.
        add_test(NAME ${name}_next_year COMMAND ${CMAKE_COMMAND} -E echo
            "libfaketime.so.1 not found: install Debian's faketime (./run test does), then configure again")
        set_tests_properties(${name}_next_year PROPERTIES WILL_FAIL TRUE)
    endif()
    set_tests_properties(${name}_next_year PROPERTIES TIMEOUT ${timeout} LABELS "${labels};calendar")
endfunction()

# Sanitizer builds (docs/fuzzing.md). FEST_SANITIZE: the whole tree with AddressSanitizer
# and UndefinedBehaviorSanitizer (./run test --sanitize, gcc or clang). FEST_FUZZ: clang
# only; the core libraries and the libFuzzer harnesses in fuzz/, nothing else.
option(FEST_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(FEST_FUZZ "Build only the core libraries and the libFuzzer harnesses (needs clang)" OFF)
if(FEST_SANITIZE OR FEST_FUZZ)
    # UB aborts like a memory error does, so a test or a fuzzer cannot run past it.
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
# ASan and UBSan make the code a few times slower (and the processes a test starts are
# sanitized too): every test's TIMEOUT is multiplied by this in a sanitized build.
set(FEST_SANITIZE_TIMEOUT_FACTOR 3 CACHE STRING "TIMEOUT multiplier of the tests in a FEST_SANITIZE build")
if(FEST_SANITIZE)
    # The whole tree is built again: -O1 and line tables only keep that affordable on CI
    # while reports still name file and line.
    add_compile_options(-O1 -g1)
endif()
if(FEST_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "FEST_FUZZ needs clang (libFuzzer): configure with CXX=clang++")
    endif()
    # Coverage instrumentation in the libraries; the harnesses link libFuzzer's main.
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
