# Runs one fuzz target for a fixed time from a fresh copy of its seeds (the ctest test of each
# target, fuzz/CMakeLists.txt). Inputs found on the way go to WORK, crashes to ARTIFACTS; both
# are in the build folder.
#   cmake -DFUZZER=... -DSEEDS=dir -DWORK=dir -DDICT=file -DSECONDS=n -DARTIFACTS=dir -P runfuzzer.cmake
foreach(variable FUZZER SEEDS WORK DICT SECONDS ARTIFACTS)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "runfuzzer.cmake: -D${variable}= is missing")
    endif()
endforeach()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK} ${ARTIFACTS})
file(COPY ${SEEDS}/ DESTINATION ${WORK})

execute_process(
    COMMAND ${FUZZER} -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -dict=${DICT}
        -artifact_prefix=${ARTIFACTS}/ -print_final_stats=1 ${WORK}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${FUZZER} failed (${result}): the crashing input is in ${ARTIFACTS}/; "
        "reproduce with: ${FUZZER} ${ARTIFACTS}/<file>")
endif()
