# The api_consumer test (cmake -P): installs the build into a fresh prefix, configures and
# builds the consumer project (tests/consumer) against it as an outside project would, then
# runs it on an article and checks what it printed. Variables: BUILD_DIR (the build to
# install), SOURCE_DIR (tests/consumer), WORK_DIR (scratch, emptied first), GENERATOR, CXX.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)

file(WRITE ${WORK_DIR}/story.txt "Fishermen protest quota\nBy A. Writer | 2026-03-14\n\n"
     "Norway demanded that Russia stop fishing in the Barents Sea.\n")
# The data folder must be found from the installed library, not from the environment.
unset(ENV{PARLEY_DATA})
run(${WORK_DIR}/build/consumer ${WORK_DIR}/db ${WORK_DIR}/story.txt)
message(STATUS "consumer printed:\n${out}")
foreach(expected "data ${prefix}/share/parley/data\n" "added\n"
                 "row {\"title\":\"Fishermen protest quota\"}\n" "[\"Norway\",")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the consumer's output lacks '${expected}'")
  endif()
endforeach()
