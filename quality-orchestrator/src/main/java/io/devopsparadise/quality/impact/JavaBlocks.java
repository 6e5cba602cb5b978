package io.devopsparadise.quality.impact;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Splits Java source into the blocks a test can depend on, with JavaParser: every type (class, interface, enum,
 * record), its own statements (fields, initializers, the declaration) apart from its methods, every method and
 * constructor (named with its parameter types, so overloads differ), and {@code <module>} for the package and imports.
 * Local and anonymous classes belong to the method around them. Comments are checksummed apart ({@code <docs>}): a
 * line that is only a comment changes no behaviour, and neither does a comment after code. Text that does not parse
 * is one {@code <module>} block: any change to it reaches every file that uses it.
 */
final class JavaBlocks {

    private JavaBlocks() {}

    static SourceBlocks parse(String source) {
        String[] lines = source.split("\r\n|\n|\r", -1);
        boolean[] documentation = new boolean[lines.length + 2];
        ParseResult<CompilationUnit> parsed = new JavaParser(
                        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE))
                .parse(source);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return SourceBlocks.of(lines, documentation, List.of());
        }
        CompilationUnit unit = parsed.getResult().get();
        String[] code = withoutComments(lines, unit.getAllComments(), documentation);
        List<SourceBlocks.Span> spans = new ArrayList<>();
        unit.getTypes().forEach(type -> type(type, "", spans));
        return SourceBlocks.of(code, documentation, spans);
    }

    private static void type(TypeDeclaration<?> type, String outer, List<SourceBlocks.Span> spans) {
        String name = outer + type.getNameAsString();
        Optional<Range> range = type.getRange();
        if (range.isEmpty()) {
            return;
        }
        spans.add(new SourceBlocks.Span(
                name, range.get().begin.line, range.get().end.line, range.get().begin.line, false));
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                type(nested, name + ".", spans);
            } else if (member instanceof CallableDeclaration<?> callable
                    && callable.getRange().isPresent()) {
                Range at = callable.getRange().get();
                int bodyStart = body(callable)
                        .flatMap(BlockStmt::getBegin)
                        .map(p -> p.line)
                        .orElse(at.end.line);
                spans.add(new SourceBlocks.Span(
                        name + "." + signature(callable), at.begin.line, at.end.line, bodyStart, true));
            }
        }
    }

    private static Optional<BlockStmt> body(CallableDeclaration<?> callable) {
        if (callable instanceof com.github.javaparser.ast.body.MethodDeclaration method) {
            return method.getBody();
        }
        if (callable instanceof com.github.javaparser.ast.body.ConstructorDeclaration constructor) {
            return Optional.of(constructor.getBody());
        }
        return Optional.empty();
    }

    /** "name(int,List<String>)": the parameter types as written, so overloads are apart. */
    static String signature(CallableDeclaration<?> callable) {
        return callable.getNameAsString() + "("
                + callable.getParameters().stream()
                        .map(p -> p.getType().asString() + (p.isVarArgs() ? "..." : ""))
                        .collect(Collectors.joining(","))
                + ")";
    }

    /**
     * The lines with every comment blanked out; a line that held a comment and nothing else keeps its text and is
     * marked as documentation.
     */
    private static String[] withoutComments(String[] lines, List<Comment> comments, boolean[] documentation) {
        char[][] text = new char[lines.length][];
        for (int i = 0; i < lines.length; i++) {
            text[i] = lines[i].toCharArray();
        }
        boolean[] commented = new boolean[lines.length + 2];
        for (Comment comment : comments) {
            if (comment.getRange().isEmpty()) {
                continue;
            }
            Position begin = comment.getRange().get().begin;
            Position end = comment.getRange().get().end;
            for (int line = begin.line; line <= end.line && line <= lines.length; line++) {
                commented[line] = true;
                char[] row = text[line - 1];
                // JavaParser counts a tab as one column, as this does
                int from = line == begin.line ? begin.column - 1 : 0;
                int to = line == end.line ? Math.min(end.column, row.length) : row.length;
                for (int column = Math.max(0, from); column < to; column++) {
                    row[column] = ' ';
                }
            }
        }
        String[] code = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String blanked = new String(text[i]);
            boolean onlyComment = commented[i + 1] && blanked.isBlank();
            documentation[i + 1] = onlyComment;
            code[i] = onlyComment ? lines[i] : blanked;
        }
        return code;
    }
}
