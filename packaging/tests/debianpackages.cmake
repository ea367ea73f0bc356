# The packages themselves: contents, control data, systemd units; install/purge as root.
fest_add_test(tst_debianpackages
    SOURCES ${fest_packaging_dir}/tests/tst_debianpackages.cpp
    LIBS fest_testsupport
    LABELS packaging
    TIMEOUT 900)
target_compile_definitions(tst_debianpackages PRIVATE FEST_PACKAGING_DIR="${fest_packaging_dir}")
# dpkg takes a lock: never two of these at once, and not beside other tests' installs.
set_tests_properties(tst_debianpackages PROPERTIES RUN_SERIAL TRUE)
