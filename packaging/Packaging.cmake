# Installation layout and the Debian package (cpack -G DEB). The programs find the bundled model
# and translations relative to their own location: <prefix>/bin -> <prefix>/share/folkrnn-inspector.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/resources/models/ DESTINATION ${FOLKRNN_INSTALL_DATADIR}/models
        FILES_MATCHING PATTERN "*.h5" PATTERN "README.md")
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/org.folkrnn.Inspector.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/org.folkrnn.Inspector.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/org.folkrnn.Inspector.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 32 48 64 128 256)
  install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/${size}x${size}/org.folkrnn.Inspector.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
# The session file type (.frnsession), which the desktop entry opens; dpkg's trigger runs
# update-mime-database.
install(FILES ${CMAKE_SOURCE_DIR}/packaging/linux/org.folkrnn.Inspector.mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME org.folkrnn.Inspector.xml)
# Manual pages, gzip-compressed as Debian policy asks (-n: no name or time in the header, so the
# package is reproducible); plain where gzip is missing. Compressed when CMake runs, and again
# whenever a page changes (CMAKE_CONFIGURE_DEPENDS), so an install never needs a build step.
find_program(FOLKRNN_GZIP gzip)
foreach(page folkrnn-cli.1 folkrnn-inspector.1)
  set(source ${CMAKE_SOURCE_DIR}/packaging/linux/${page})
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
  set(installed ${source})
  if(FOLKRNN_GZIP)
    set(installed ${CMAKE_BINARY_DIR}/man/${page}.gz)
    file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/man)
    execute_process(COMMAND ${FOLKRNN_GZIP} -9nc ${source} OUTPUT_FILE ${installed} RESULT_VARIABLE gzip_status)
    if(NOT gzip_status EQUAL 0)
      message(FATAL_ERROR "gzip ${source}: ${gzip_status}")
    endif()
  endif()
  install(FILES ${installed} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
install(FILES ${CMAKE_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME "folkrnn-inspector")
set(CPACK_PACKAGE_VENDOR "folk-rnn Inspector developers")
set(CPACK_PACKAGE_CONTACT "folk-rnn Inspector developers <folkrnn-inspector@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Step through a folk-rnn music model and see what its units do")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_INSTALL_DIRECTORY "folkrnn-inspector")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "sound")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Staff notation (abcm2ps), MIDI checks (abcmidi), sound (a General MIDI SoundFont) and Qt's own
# translations of its dialogs are optional at run time; the libraries come from dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "abcm2ps, abcmidi, timgm6mb-soundfont | fluid-soundfont-gm, qt6-translations-l10n")
# The Python module (python/, in dist-packages) needs the python3 it was built for and numpy;
# the programs need neither, so they are recommended, not depended on.
if(TARGET folkrnn-python)
  string(APPEND CPACK_DEBIAN_PACKAGE_RECOMMENDS ", ${FOLKRNN_PYTHON_RECOMMENDS}")
endif()
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "folk-rnn Inspector opens folk-rnn LSTM music models, generates tunes
 exactly as the original sampler does, and shows the log-probability of every token, the activations
 of every layer, spectra, Gramians and SVDs, synchronised on one cursor, with unit interventions.")
set(CPACK_STRIP_FILES ON)
include(CPack)
