# SPDX-License-Identifier: GPL-3.0-or-later
# abusedesk_add_test(NAME <name> SOURCES <files...> LIBS <targets...> [GUI] [LABELS <labels...>] [TIMEOUT <s>])
#
# The one way a test is registered with CTest. Every test gets:
#  - ABUSEDESK_TEST_DATA: the absolute path of tests/data (fixtures are looked up from there),
#  - ABUSEDESK_RESOURCES: the absolute path of resources/,
#  - QT_QPA_PLATFORM=offscreen and QTWEBENGINE_DISABLE_SANDBOX=1 for GUI tests (headless, may run as root),
#  - the label "core" or "gui", so the sanitizer build can run `ctest -L core`,
#  - its own HOME (<build>/testhome/<name>): QSettings and QStandardPaths' test mode both live under HOME,
#    so two tests that ctest runs in parallel never read or clear each other's settings file.
function(abusedesk_add_test)
  cmake_parse_arguments(T "GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
  target_compile_definitions(${T_NAME} PRIVATE
    ABUSEDESK_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data"
    ABUSEDESK_RESOURCES="${PROJECT_SOURCE_DIR}/resources"
    ABUSEDESK_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  set(home "${PROJECT_BINARY_DIR}/testhome/${T_NAME}")
  file(MAKE_DIRECTORY "${home}")
  set(env "ABUSEDESK_RESOURCES=${PROJECT_SOURCE_DIR}/resources" "HOME=${home}")
  if(T_GUI)
    list(APPEND env "QT_QPA_PLATFORM=offscreen" "QTWEBENGINE_DISABLE_SANDBOX=1"
         "QTWEBENGINE_CHROMIUM_FLAGS=--disable-gpu --no-sandbox" "LIBGL_ALWAYS_SOFTWARE=1")
    set(labels gui ${T_LABELS})
  else()
    list(APPEND env "QT_QPA_PLATFORM=offscreen")
    set(labels core ${T_LABELS})
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES ENVIRONMENT "${env}" LABELS "${labels}" TIMEOUT ${T_TIMEOUT})
endfunction()
