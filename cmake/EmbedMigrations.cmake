# Writes a .cpp that defines minqing::storage::<BACKEND>Migrations(): the SQL files of DIR
# in order.
file(GLOB FILES ${DIR}/*.sql)
list(SORT FILES)
set(body "")
foreach(file IN LISTS FILES)
    get_filename_component(name ${file} NAME_WE)
    string(REGEX MATCH "^[0-9]+" version ${name})
    # "0008" is no C++ literal (a leading 0 makes it octal, and 8 is no octal digit).
    string(REGEX REPLACE "^0+([0-9])" "\\1" version ${version})
    file(READ ${file} sql)
    string(APPEND body "        {${version}, \"${name}\", R\"minqing_sql(${sql})minqing_sql\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from server/src/storage/migrations/*.sql; do not edit.
#include \"storage/migrations.hpp\"

namespace minqing::storage {

const std::vector<Migration>& ${BACKEND}Migrations() {
    static const std::vector<Migration> kMigrations = {
${body}    };
    return kMigrations;
}

}  // namespace minqing::storage
")
configure_file(${OUTPUT}.tmp ${OUTPUT} COPYONLY)
