// LeakSanitizer suppressions for the API tests: the server in this process typesets bulletin
// PDFs, and Cairo and fontconfig lose memory of their own that no caller can free (the report
// tests check our own use of them strictly: report/known_library_leaks_test.cpp). The fast
// unwinder stops at those libraries' first frame, which has no symbol, so they are named by
// module here rather than by function; the slow unwinder would cost every test its speed.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libcairo.so\n"
           "leak:libfontconfig.so\n";
}
