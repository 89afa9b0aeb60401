# The UI in Swedish and German (included from app/gui/CMakeLists.txt, where folkrnn-inspector is
# defined). The .qm files land in <build>/share/folkrnn-inspector/translations, the same place
# relative to bin/ as in an installed prefix, so one lookup (<exe>/../share/...) serves both.
# `ninja update_translations` runs lupdate over app/gui and widgets; tests/i18n checks that the
# .ts files are complete.
find_package(Qt6 REQUIRED COMPONENTS LinguistTools)
set(FOLKRNN_TS_FILES
  ${CMAKE_SOURCE_DIR}/translations/folkrnn-inspector_sv.ts
  ${CMAKE_SOURCE_DIR}/translations/folkrnn-inspector_de.ts)
set(FOLKRNN_QM_DIR ${CMAKE_BINARY_DIR}/${FOLKRNN_INSTALL_DATADIR}/translations)
set_source_files_properties(${FOLKRNN_TS_FILES} PROPERTIES OUTPUT_LOCATION ${FOLKRNN_QM_DIR})
file(GLOB_RECURSE FOLKRNN_I18N_SOURCES CONFIGURE_DEPENDS
  ${CMAKE_SOURCE_DIR}/app/gui/*.cpp ${CMAKE_SOURCE_DIR}/app/gui/*.h
  ${CMAKE_SOURCE_DIR}/widgets/*.cpp ${CMAKE_SOURCE_DIR}/widgets/*.h)
# The include paths let lupdate resolve namespaces, so contexts are the classes' full names
# (folkrnn::widgets::AbcView), as tr() looks them up at run time. -no-obsolete: a string that
# left the sources leaves the .ts too.
qt_add_translations(folkrnn-inspector
  TS_FILES ${FOLKRNN_TS_FILES}
  SOURCES ${FOLKRNN_I18N_SOURCES}
  INCLUDE_DIRECTORIES ${CMAKE_SOURCE_DIR} ${CMAKE_SOURCE_DIR}/app/gui
  LUPDATE_OPTIONS -no-obsolete -locations none
  QM_FILES_OUTPUT_VARIABLE FOLKRNN_QM_FILES)
install(FILES ${FOLKRNN_QM_FILES} DESTINATION ${FOLKRNN_INSTALL_DATADIR}/translations)
