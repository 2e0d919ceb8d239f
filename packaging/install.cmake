# `cmake --install build [--prefix P]` and `cpack` (a .deb), included by the top CMakeLists.txt.
#   P/bin/thaidoc
#   P/share/thaidoc/templates/*.yaml     the layout templates (found relative to bin/, base/install_dirs.h)
#   P/share/thaidoc/templates/schema/    the JSON Schema (thaidoc serve's GET /schema)
#   P/share/thaidoc/web/                 the web page thaidoc serve serves at / (src/web)
#   P/share/thaidoc/fonts/*.ttf          Laksaman and DejaVu Sans
#   P/share/doc/thaidoc/                 README, the template format, licences (fonts, sRGB profile)
#   P/share/man/man1/thaidoc.1.gz        generated with help2man from --help (packaging/thaidoc.h2m)
#   P/share/bash-completion/completions/thaidoc
install(TARGETS thaidoc RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(THAIDOC_SHARE ${CMAKE_INSTALL_DATADIR}/thaidoc)
set(THAIDOC_DOC ${CMAKE_INSTALL_DATADIR}/doc/thaidoc)
install(DIRECTORY templates/ DESTINATION ${THAIDOC_SHARE}/templates FILES_MATCHING PATTERN "*.yaml"
        PATTERN "*.schema.json")
# thaidoc serve's web page (static files, src/serve/static_files.h finds them here).
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/src/web)
  install(DIRECTORY src/web/ DESTINATION ${THAIDOC_SHARE}/web)
endif()
install(DIRECTORY fonts/ DESTINATION ${THAIDOC_SHARE}/fonts FILES_MATCHING PATTERN "*.ttf" PATTERN "*.otf")
install(FILES README.md DESTINATION ${THAIDOC_DOC})
install(FILES templates/README.md DESTINATION ${THAIDOC_DOC} RENAME template-format.md)
install(FILES fonts/README.md DESTINATION ${THAIDOC_DOC} RENAME fonts.md)
install(FILES fonts/LICENSE-Laksaman.txt fonts/LICENSE-DejaVu.txt fonts/GPL-2.txt packaging/copyright
        DESTINATION ${THAIDOC_DOC})
install(FILES src/pdf/icc/LICENSE DESTINATION ${THAIDOC_DOC} RENAME LICENSE-sRGB.txt)
install(FILES packaging/bash-completion/thaidoc DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# The man page: help2man runs the built binary's --help and --version, with the sections of
# packaging/thaidoc.h2m (commands, exit status, diagnostics, files, environment).
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(THAIDOC_MAN ${CMAKE_BINARY_DIR}/thaidoc.1)
  add_custom_command(
    OUTPUT ${THAIDOC_MAN} ${THAIDOC_MAN}.gz
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
            --include=${CMAKE_CURRENT_SOURCE_DIR}/packaging/thaidoc.h2m
            --output=${THAIDOC_MAN} $<TARGET_FILE:thaidoc>
    COMMAND gzip -9 -n -c ${THAIDOC_MAN} > ${THAIDOC_MAN}.gz
    DEPENDS thaidoc ${CMAKE_CURRENT_SOURCE_DIR}/packaging/thaidoc.h2m
    COMMENT "Generating the man page thaidoc.1 with help2man"
    VERBATIM)
  add_custom_target(thaidoc_man ALL DEPENDS ${THAIDOC_MAN} ${THAIDOC_MAN}.gz)
  install(FILES ${THAIDOC_MAN}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(WARNING "help2man not found: no man page (apt-get install help2man; scripts/setup.sh does)")
endif()

# cpack -G DEB (in the build folder): thaidoc_VERSION_ARCH.deb. Depends: the shared libraries
# found by dpkg-shlibdeps, plus the data read at run time (hyphenation patterns; libthai0
# brings libthai-data).
set(CPACK_PACKAGE_NAME thaidoc)
set(CPACK_PACKAGE_VENDOR "thaidoc")
set(CPACK_PACKAGE_CONTACT "thaidoc maintainers <thaidoc@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "typesets Thai official documents into searchable PDFs")
set(CPACK_PACKAGE_DESCRIPTION
    "thaidoc reads memos, ITA reports and tables written in YAML and writes print-ready PDFs\nwith the Thai text shaped, broken into lines and searchable.")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "hyphen-en-us")
set(CPACK_STRIP_FILES ON)
include(CPack)
