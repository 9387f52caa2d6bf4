# Builds the Debian package of the build in BUILD_DIR into WORK_DIR with CPack and checks its
# contents and its computed dependencies.
#   cmake -DBUILD_DIR=… -DWORK_DIR=… -DAPP_ID=… -DVERSION=… -DMODULE_DIR=… -P deb-check.cmake
foreach(var BUILD_DIR WORK_DIR APP_ID VERSION MODULE_DIR)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "deb-check: ${var} is not set")
    endif()
endforeach()

include(${CMAKE_CURRENT_LIST_DIR}/run-checked.cmake)

get_filename_component(cmake_dir ${CMAKE_COMMAND} DIRECTORY)
find_program(CPACK cpack HINTS ${cmake_dir} REQUIRED)
find_program(DPKG_DEB dpkg-deb REQUIRED)

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
# -B puts the package and CPack's staging tree into WORK_DIR, not into the build folder.
run_checked("cpack -G DEB" ${CPACK} -G DEB --config ${BUILD_DIR}/CPackConfig.cmake -B ${WORK_DIR})
file(GLOB debs ${WORK_DIR}/aws-compute-explorer_${VERSION}_*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "deb-check: expected one aws-compute-explorer_${VERSION}_<arch>.deb, found: ${debs}")
endif()

run_checked("dpkg-deb -c" ${DPKG_DEB} -c ${debs})
set(listing "${run_output}")
set(expected
    ./usr/bin/aws-compute-explorer
    ./usr/${MODULE_DIR}/libace_download.so
    ./usr/share/applications/${APP_ID}.desktop
    ./usr/share/metainfo/${APP_ID}.metainfo.xml
    ./usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
    ./usr/share/icons/hicolor/48x48/apps/${APP_ID}.png
    ./usr/share/icons/hicolor/256x256/apps/${APP_ID}.png
    ./usr/share/man/man1/aws-compute-explorer.1.gz
    ./usr/share/doc/aws-compute-explorer/copyright)
foreach(path IN LISTS expected)
    string(FIND "${listing}" " ${path}\n" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "deb-check: the package lacks ${path}:\n${listing}")
    endif()
endforeach()

# Dependencies: computed by dpkg-shlibdeps (the Qt libraries the program and its download module
# link), plus the run-time plugins named by hand. libqt6network6 (the download module's) brings
# the TLS plugins and libssl3 for HTTPS.
run_checked("dpkg-deb -f" ${DPKG_DEB} -f ${debs} Package Version Depends)
foreach(needed "Package: aws-compute-explorer" "Version: ${VERSION}" libqt6widgets6
        libqt6charts6 libqt6gui6 libqt6svg6 libqt6network6 libc6)
    string(FIND "${run_output}" "${needed}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "deb-check: the package's control fields lack \"${needed}\":\n${run_output}")
    endif()
endforeach()
file(REMOVE_RECURSE ${WORK_DIR})
message(STATUS "deb-check: ${debs} holds the expected files and dependencies")
