# Turns Emscripten's MODULARIZE glue (a classic script defining GradlabModule)
# into an ES module whose default export is the factory.
file(READ ${IN} GLUE)
# Drop the CommonJS/AMD export tail: in an ES module it only confuses bundlers.
string(FIND "${GLUE}" "if (typeof exports === 'object' && typeof module === 'object')" TAIL)
if(TAIL GREATER -1)
  string(SUBSTRING "${GLUE}" 0 ${TAIL} GLUE)
endif()
set(TEXT "// Generated from Emscripten's loader by wasm/glue-to-esm.cmake.\n${GLUE}\nexport default GradlabModule;\n")
# Rewriting only on change keeps the file's timestamp for bundlers' caches.
if(EXISTS ${OUT})
  file(READ ${OUT} OLD)
  if(OLD STREQUAL TEXT)
    return()
  endif()
endif()
file(WRITE ${OUT} "${TEXT}")
