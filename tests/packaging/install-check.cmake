# Installs the build in BUILD_DIR into STAGE_DIR (DESTDIR, prefix /usr), checks that every file
# the package should hold is there, validates the installed desktop integration as a tree, and
# runs the installed program: --version, headless exports of the stack diagram, and a download
# that loads the download module from MODULE_DIR (relative to the prefix).
#   cmake -DBUILD_DIR=… -DSTAGE_DIR=… -DAPP_ID=… -DVERSION=… -DMODULE_DIR=… -DAPPSTREAMCLI=…
#         -DDESKTOP_FILE_VALIDATE=… -P install-check.cmake
foreach(var BUILD_DIR STAGE_DIR APP_ID VERSION MODULE_DIR APPSTREAMCLI DESKTOP_FILE_VALIDATE)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "install-check: ${var} is not set")
    endif()
endforeach()

include(${CMAKE_CURRENT_LIST_DIR}/run-checked.cmake)

file(REMOVE_RECURSE ${STAGE_DIR})
file(MAKE_DIRECTORY ${STAGE_DIR})
set(ENV{DESTDIR} ${STAGE_DIR})
run_checked("cmake --install" ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix /usr)
unset(ENV{DESTDIR})

set(root ${STAGE_DIR}/usr)
set(expected
    bin/aws-compute-explorer
    ${MODULE_DIR}/libace_download.so
    share/applications/${APP_ID}.desktop
    share/metainfo/${APP_ID}.metainfo.xml
    share/icons/hicolor/scalable/apps/${APP_ID}.svg
    share/man/man1/aws-compute-explorer.1.gz
    share/aws-compute-explorer/presets/image-resize.json
    share/doc/aws-compute-explorer/copyright)
foreach(size 16 22 24 32 48 64 128 256)
    list(APPEND expected share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
foreach(path IN LISTS expected)
    if(NOT EXISTS ${root}/${path})
        message(FATAL_ERROR "install-check: ${path} was not installed")
    endif()
endforeach()
# The copyright file names the project's licence (MIT, "Expat" in Debian's words) and holds
# its text, as Debian's machine-readable format asks.
file(READ ${root}/share/doc/aws-compute-explorer/copyright copyright)
foreach(needed "Files: *\nCopyright: " "License: Expat\n Permission is hereby granted"
        "\n .\n THE SOFTWARE IS PROVIDED")
    string(FIND "${copyright}" "${needed}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "install-check: the copyright file lacks \"${needed}\":\n${copyright}")
    endif()
endforeach()

# Nothing outside /usr: a package must not write to /etc, /opt or the builder's paths.
file(GLOB top RELATIVE ${STAGE_DIR} ${STAGE_DIR}/*)
if(NOT top STREQUAL "usr")
    message(FATAL_ERROR "install-check: installed outside /usr: ${top}")
endif()

# A PNG icon is an image of its nominal size (first bytes: PNG signature; IHDR width/height).
foreach(size 16 256)
    file(READ ${root}/share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png header
        LIMIT 24 HEX)
    math(EXPR hex_size "${size}" OUTPUT_FORMAT HEXADECIMAL)
    string(REGEX REPLACE "^0x" "" hex_size "${hex_size}")
    string(LENGTH "${hex_size}" length)
    while(length LESS 8)
        string(PREPEND hex_size 0)
        math(EXPR length "${length} + 1")
    endwhile()
    if(NOT header STREQUAL "89504e470d0a1a0a0000000d49484452${hex_size}${hex_size}")
        message(FATAL_ERROR "install-check: the ${size}px icon is not a ${size}x${size} PNG: ${header}")
    endif()
endforeach()

# The installed desktop integration as the software centre sees it: the metainfo's launchable
# .desktop file and its icon must be found in the tree.
run_checked("desktop-file-validate (installed)" ${DESKTOP_FILE_VALIDATE}
    ${root}/share/applications/${APP_ID}.desktop)
if(run_output MATCHES "(error|warning|hint):")
    message(FATAL_ERROR "desktop-file-validate (installed):\n${run_output}")
endif()
run_checked("appstreamcli validate-tree" ${APPSTREAMCLI} validate-tree --no-net --pedantic ${root})
if(run_output MATCHES "(^|\n)[EWIP]: ")
    message(FATAL_ERROR "appstreamcli validate-tree:\n${run_output}")
endif()
file(READ ${root}/share/applications/${APP_ID}.desktop desktop)
if(NOT desktop MATCHES "\nIcon=${APP_ID}\n" OR NOT desktop MATCHES "\nExec=aws-compute-explorer")
    message(FATAL_ERROR "install-check: the .desktop file does not name icon ${APP_ID} and the program")
endif()

# The installed program runs; exports work without a display.
set(program ${root}/bin/aws-compute-explorer)
run_checked("aws-compute-explorer --version" ${program} --version)
if(NOT run_output STREQUAL "aws-compute-explorer ${VERSION}\n")
    message(FATAL_ERROR "install-check: --version printed \"${run_output}\"")
endif()

set(ENV{QT_QPA_PLATFORM} offscreen)
set(out_dir ${STAGE_DIR}-out)
file(REMOVE_RECURSE ${out_dir})
file(MAKE_DIRECTORY ${out_dir})
run_checked("export --view stack (PNG)"
    ${program} export --view stack -o ${out_dir}/stack.png --scale 1)
file(READ ${out_dir}/stack.png signature LIMIT 8 HEX)
if(NOT signature STREQUAL "89504e470d0a1a0a")
    message(FATAL_ERROR "install-check: export wrote no PNG: ${signature}")
endif()
run_checked("export --view responsibility (SVG)"
    ${program} export --view responsibility -o ${out_dir}/responsibility.svg)
file(READ ${out_dir}/responsibility.svg svg LIMIT 4096)
if(NOT svg MATCHES "<svg")
    message(FATAL_ERROR "install-check: export wrote no SVG")
endif()
run_checked("cost with an installed preset"
    ${program} cost --workload ${root}/share/aws-compute-explorer/presets/image-resize.json --json)
if(NOT run_output MATCHES "\"estimates\"")
    message(FATAL_ERROR "install-check: cost printed no estimates:\n${run_output}")
endif()
# A download finds the module in the install: it gets as far as the (refused) connection.
execute_process(COMMAND ${program} prices download --region eu-west-1
        --endpoint http://127.0.0.1:1
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 1 OR err MATCHES "download module" OR NOT err MATCHES "index.json: ")
    message(FATAL_ERROR "install-check: prices download did not reach the network (${result}):\n"
                        "${out}${err}")
endif()
file(REMOVE_RECURSE ${out_dir})
message(STATUS "install-check: ${root} holds the program and its desktop integration; it runs")
