# One static library per layer of server/src. The allowed dependency arrows of STYLE.md are
# spelled out where each layer is declared; tools/check_layering.sh checks the #includes.

set(MINQING_SRC_ROOT ${CMAKE_SOURCE_DIR}/server/src)

# minqing_layer(NAME dir DEPENDS targets...)
# Builds every .cpp under server/src/<dir> except tests into minqing_<dir>, and every
# *_test.cpp there into the test executable minqing_<dir>_tests.
function(minqing_layer dir)
    cmake_parse_arguments(LAYER "" "" "DEPENDS;TEST_DEPENDS;EXCLUDE" ${ARGN})
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${MINQING_SRC_ROOT}/${dir}/*.cpp)
    set(library_sources "")
    set(test_sources "")
    foreach(source IN LISTS sources)
        set(excluded FALSE)
        foreach(pattern IN LISTS LAYER_EXCLUDE)
            if(source MATCHES "${pattern}")
                set(excluded TRUE)
            endif()
        endforeach()
        if(excluded)
            continue()
        endif()
        if(source MATCHES "_test\\.cpp$")
            list(APPEND test_sources ${source})
        else()
            list(APPEND library_sources ${source})
        endif()
    endforeach()
    if(library_sources)
        add_library(minqing_${dir} STATIC ${library_sources})
        target_include_directories(minqing_${dir} PUBLIC ${MINQING_SRC_ROOT})
        target_link_libraries(minqing_${dir} PUBLIC ${LAYER_DEPENDS})
    else()
        # A layer with headers only so far.
        add_library(minqing_${dir} INTERFACE)
        target_include_directories(minqing_${dir} INTERFACE ${MINQING_SRC_ROOT})
        target_link_libraries(minqing_${dir} INTERFACE ${LAYER_DEPENDS})
    endif()
    if(MINQING_TESTS AND test_sources)
        add_executable(minqing_${dir}_tests ${test_sources})
        target_link_libraries(minqing_${dir}_tests PRIVATE minqing_${dir} ${LAYER_TEST_DEPENDS}
                              GTest::gtest_main GTest::gmock)
        gtest_discover_tests(minqing_${dir}_tests DISCOVERY_MODE PRE_TEST
                             PROPERTIES LABELS unit)
    endif()
endfunction()
