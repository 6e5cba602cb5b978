package io.devopsparadise.quality.impact;

import java.util.Map;
import java.util.Optional;

/** A workspace's source files of one language as they are now, each parsed into blocks on first use. */
interface Sources {

    boolean contains(String file);

    /** The file's blocks now; empty when it is gone, a link, or too large to read. */
    Optional<SourceBlocks> blocks(String file);

    /** file → block → checksum, for every source file of the workspace. */
    Map<String, Map<String, String>> checksums();
}
