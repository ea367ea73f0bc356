# Used by `./run package` as CMAKE_PROJECT_INCLUDE while the top-level CMakeLists.txt
# does not yet end with add_subdirectory(packaging): adds the packaging folder once
# every other folder (and so every target to package) has been read.
function(fest_add_packaging_once)
    get_property(done GLOBAL PROPERTY FEST_PACKAGING_INCLUDED)
    if(NOT done)
        include(${CMAKE_SOURCE_DIR}/packaging/CMakeLists.txt)
    endif()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL fest_add_packaging_once)
