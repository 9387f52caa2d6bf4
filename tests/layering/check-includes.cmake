# Checks that the layers of lib/ and app/ are included one way: every `#include "folder/..."` in
# a .cpp or .h names its own folder or one below it. Run as
#   cmake -DSOURCE_DIR=<root of the tree> -P check-includes.cmake
# Prints file:line and the include for every offence and fails; prints a summary otherwise.
# (CMake rather than Python, so a fresh build machine without Python runs it.)
cmake_minimum_required(VERSION 3.25)

# Each folder and the folders directly below it, bottom to top, the same order as the static
# libraries link (DESIGN.md §2). A folder may include its own headers and those of every folder
# below it, directly or not. `app` is the program's main.cpp. A folder not named here is an
# error: a new folder is added on purpose, in its place.
set(layer_table
    "files:"
    "json:"
    "catalog:json"
    "pricing:json"
    "pricelist:pricing,files"
    "cost:catalog,pricing,files"
    "advisor:cost"
    "models:cost,advisor"
    "net:models"
    "state:models"
    "diagram:state"
    "charts:state"
    "compare:diagram,charts"
    "export:compare"
    "ui:export,net,pricelist"
    "cli:ui,pricelist"
    "app:cli")

if(NOT SOURCE_DIR)
    message(FATAL_ERROR "Set SOURCE_DIR to the root of the source tree")
endif()

# allowed_<folder>: the folder itself and everything below it. The table is bottom to top, so
# the folders below are known when a folder is read.
set(known_folders "")
foreach(entry IN LISTS layer_table)
    string(REPLACE ":" ";" entry "${entry}")
    list(GET entry 0 folder)
    set(allowed_${folder} ${folder})
    list(LENGTH entry parts)
    if(parts GREATER 1)
        list(GET entry 1 below)
        string(REPLACE "," ";" below "${below}")
        foreach(lower IN LISTS below)
            if(NOT lower IN_LIST known_folders)
                message(FATAL_ERROR "layer table: ${folder} names ${lower}, which is not "
                                    "listed before it")
            endif()
            list(APPEND allowed_${folder} ${allowed_${lower}})
        endforeach()
        list(REMOVE_DUPLICATES allowed_${folder})
    endif()
    list(APPEND known_folders ${folder})
endforeach()

file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR}
    ${SOURCE_DIR}/lib/*.cpp ${SOURCE_DIR}/lib/*.h ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h)
list(SORT sources)

set(offences 0)
set(includes_checked 0)
foreach(source IN LISTS sources)
    # lib/cost/costmodel.cpp is in `cost`; app/main.cpp is in `app`.
    string(REPLACE "/" ";" path_parts "${source}")
    list(LENGTH path_parts depth)
    if(depth GREATER 2)
        list(GET path_parts 1 folder)
    else()
        list(GET path_parts 0 folder)
    endif()
    if(NOT folder IN_LIST known_folders)
        message("${source}:1: folder `${folder}` is not in the layer table of "
                "tests/layering/check-includes.cmake; add it in its place")
        math(EXPR offences "${offences} + 1")
        continue()
    endif()

    # One list element per line: characters CMake treats specially in lists are masked first.
    file(READ ${SOURCE_DIR}/${source} content)
    string(REPLACE "\\" "<backslash>" content "${content}")
    string(REPLACE ";" "<semicolon>" content "${content}")
    string(REPLACE "[" "<bracket>" content "${content}")
    string(REPLACE "]" "<bracket>" content "${content}")
    string(REPLACE "\n" ";" lines "${content}")
    set(line_number 0)
    foreach(line IN LISTS lines)
        math(EXPR line_number "${line_number} + 1")
        if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"/]+)/[^\"]*\"")
            continue()
        endif()
        set(included_folder ${CMAKE_MATCH_1})
        math(EXPR includes_checked "${includes_checked} + 1")
        if(NOT included_folder IN_LIST allowed_${folder})
            string(STRIP "${line}" line)
            if(included_folder IN_LIST known_folders)
                set(allowed ${allowed_${folder}})
                list(SORT allowed)
                set(reason "`${folder}` may include only ${allowed}")
            else()
                set(reason "`${included_folder}` is not in the layer table")
            endif()
            string(REPLACE ";" ", " reason "${reason}")
            message("${source}:${line_number}: ${line}: ${reason}")
            math(EXPR offences "${offences} + 1")
        endif()
    endforeach()
endforeach()

list(LENGTH sources source_count)
if(offences GREATER 0)
    message(FATAL_ERROR "${offences} offence(s) against the layers in ${source_count} files")
endif()
message("Layers kept: ${includes_checked} includes in ${source_count} files")
