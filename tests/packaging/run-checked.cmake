# run_checked(WHAT COMMAND...): runs COMMAND, stops the script with its output when it fails,
# and leaves what it printed in `run_output`. Shared by the packaging check scripts.
function(run_checked what)
    execute_process(COMMAND ${ARGN}
        RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${what} failed (${result}):\n${out}${err}")
    endif()
    set(run_output "${out}${err}" PARENT_SCOPE)
endfunction()
