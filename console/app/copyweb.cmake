# Mirrors console/web into the build tree; a missing source folder leaves an empty web root.
if(EXISTS "${SOURCE}")
    file(REMOVE_RECURSE "${TARGET}")
    file(COPY "${SOURCE}/" DESTINATION "${TARGET}" PATTERN "node_modules" EXCLUDE PATTERN "browser" EXCLUDE)
endif()
