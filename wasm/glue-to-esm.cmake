# Turns Emscripten's MODULARIZE glue (a classic script defining GradlabModule)
# into an ES module whose default export is the factory.
file(READ ${IN} GLUE)
file(WRITE ${OUT} "// Generated from Emscripten's loader by wasm/glue-to-esm.cmake.\n${GLUE}\nexport default GradlabModule;\n")
