// LeakSanitizer suppressions for the report tests: memory the system libraries lose on their
// own, which no caller can free. Cairo 1.16 leaks a few arrays of its PDF font subsetter in
// every cairo_surface_finish (about 1.5 KB a document); fontconfig keeps a piece of its parsed
// configuration unreferenced. Narrowed to those entry points so our own leaks still fail.
extern "C" const char* __lsan_default_suppressions() {
    return "leak:cairo_surface_finish\n"
           "leak:FcInitLoadConfigAndFonts\n";
}

// The suppressions match function names, which only the slow unwinder finds: the system
// libraries are built without frame pointers, so the fast one stops at their first frame.
extern "C" const char* __asan_default_options() {
    return "fast_unwind_on_malloc=0";
}
