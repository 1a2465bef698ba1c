package org.lanyard.core;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds every error code the main sources of all modules raise, by parsing them with javac (no
 * regular expressions over text, so line breaks and comments do not matter). A code is raised by
 * <ul>
 * <li>{@code new LanyardException(kind, code, …)} and {@code LanyardException.invalid|notFound|conflict(code, …)};
 * <li>{@code new IssuanceRule(name, …)} (the policy raises the rule's name) and an ERROR
 *     {@code new LintRule(name, …)} (the lint raises {@code lint-<name>}).
 * </ul>
 * {@code LanyardException.of(ErrorCode.X, …)} is recorded too (typed, so always catalogued), so
 * that the reverse check — every entry is raised somewhere — sees it.
 * The code argument must be a string literal, a {@code static final String} constant, or a
 * parameter of a helper whose callers in the same file pass one of those; {@code ErrorCode}
 * constants and {@code AcmeError} are typed and need no scan. Anything else is reported as
 * {@link Site#unresolved() unresolved}, so a new way of raising cannot slip past the catalogue
 * test silently; the only dynamic codes allowed are listed in {@link #DERIVED}.
 */
final class RaisedErrorCodes {

    /**
     * A place that raises a code; {@code kind} is the ErrorKind written there, when it is, or
     * {@code "ErrorCode"} for {@code LanyardException.of(ErrorCode.X, …)}, whose kind is the entry's.
     */
    record Site(String code, String kind, String file, long line, String expression) {
        boolean unresolved() {
            return code == null;
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + (code == null ? expression : code);
        }
    }

    /**
     * Code expressions that are not literals on purpose, with where their codes come from: the
     * policy raises the refusing rule's name, the lint {@code lint-<rule>}. Both sets are read from
     * the rule definitions, which this scan covers ({@code new IssuanceRule}, {@code new LintRule}).
     */
    static final Set<String> DERIVED = Set.of(
            "IssuancePolicy.java:first.rule()",
            "CertificateLint.java:\"lint-\" + errors.get(0).rule()");

    private static final Map<String, String> FACTORY_KINDS = Map.of(
            "invalid", "INVALID_INPUT", "notFound", "NOT_FOUND", "conflict", "CONFLICT");

    private RaisedErrorCodes() {
    }

    /** The repository root: the parent of the module this test runs in. */
    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("lanyard-core")) ? here : here.getParent();
    }

    /** Every {@code src/main/java} under the root (all modules, present and future). */
    static List<Path> mainSourceRoots(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Site> scan(List<Path> sourceRoots) {
        List<Path> files = new ArrayList<>();
        for (Path sourceRoot : sourceRoots) {
            try (Stream<Path> walk = Files.walk(sourceRoot)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fileManager, null, List.of("-proc:none"), null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            List<CompilationUnitTree> units = new ArrayList<>();
            task.parse().forEach(units::add);
            Trees trees = Trees.instance(task);
            Map<String, String> constants = new HashMap<>();
            for (CompilationUnitTree unit : units) {
                collectConstants(unit, constants);
            }
            List<Site> sites = new ArrayList<>();
            for (CompilationUnitTree unit : units) {
                if (fileName(unit).equals("LanyardException.java")) {
                    continue; // its factories are the definitions, not raisers
                }
                new Finder(unit, trees.getSourcePositions(), constants, sites).scan(unit, null);
            }
            return sites;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code static final String NAME = "literal"} of every class, by {@code Class.NAME} and by file-local name. */
    private static void collectConstants(CompilationUnitTree unit, Map<String, String> constants) {
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                Set<Modifier> flags = node.getModifiers().getFlags();
                if (flags.contains(Modifier.STATIC) && flags.contains(Modifier.FINAL)
                        && node.getInitializer() instanceof LiteralTree literal && literal.getValue() instanceof String s
                        && getCurrentPath().getParentPath().getLeaf() instanceof ClassTree owner) {
                    constants.put(owner.getSimpleName() + "." + node.getName(), s);
                    constants.put(fileName(unit) + ":" + node.getName(), s);
                }
                return super.visitVariable(node, unused);
            }
        }.scan(unit, null);
    }

    private static String fileName(CompilationUnitTree unit) {
        return Path.of(unit.getSourceFile().toUri()).getFileName().toString();
    }

    private static final class Finder extends TreePathScanner<Void, Void> {

        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final Map<String, String> constants;
        private final List<Site> sites;
        private final String file;

        Finder(CompilationUnitTree unit, SourcePositions positions, Map<String, String> constants, List<Site> sites) {
            this.unit = unit;
            this.positions = positions;
            this.constants = constants;
            this.sites = sites;
            this.file = fileName(unit);
        }

        @Override
        public Void visitNewClass(NewClassTree node, Void unused) {
            String type = simpleName(node.getIdentifier());
            List<? extends ExpressionTree> args = node.getArguments();
            if (type.equals("LanyardException") && args.size() >= 3) {
                record(args.get(1), "", kindOf(args.get(0)), getCurrentPath());
            } else if (type.equals("IssuanceRule") && args.size() == 2) {
                record(args.get(0), "", null, getCurrentPath());
            } else if (type.equals("LintRule") && args.size() == 3 && simpleName(args.get(1)).equals("ERROR")) {
                record(args.get(0), "lint-", null, getCurrentPath());
            }
            return super.visitNewClass(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
            if (node.getMethodSelect() instanceof MemberSelectTree select
                    && simpleName(select.getExpression()).equals("LanyardException")
                    && select.getIdentifier().contentEquals("of") && !node.getArguments().isEmpty()
                    && node.getArguments().get(0) instanceof MemberSelectTree constant
                    && simpleName(constant.getExpression()).equals("ErrorCode")) {
                sites.add(new Site(ErrorCode.valueOf(constant.getIdentifier().toString()).code(), "ErrorCode", file,
                        line(node), null));
            }
            if (node.getMethodSelect() instanceof MemberSelectTree select
                    && simpleName(select.getExpression()).equals("LanyardException")
                    && FACTORY_KINDS.containsKey(select.getIdentifier().toString())
                    && !node.getArguments().isEmpty()) {
                record(node.getArguments().get(0), "", FACTORY_KINDS.get(select.getIdentifier().toString()),
                        getCurrentPath());
            }
            return super.visitMethodInvocation(node, unused);
        }

        private void record(ExpressionTree code, String prefix, String kind, TreePath at) {
            if (code.toString().startsWith("ErrorCode.")) {
                return; // typed: the compiler already ties it to the catalogue
            }
            if (DERIVED.contains(file + ":" + code)) {
                return;
            }
            List<Resolved> values = new ArrayList<>();
            resolve(code, at, values, 0);
            for (Resolved value : values) {
                sites.add(new Site(value.value == null ? null : prefix + value.value, kind, file,
                        line(value.where), value.value == null ? code.toString() : null));
            }
        }

        private record Resolved(String value, Tree where) {
        }

        /** Literal, constant, or a parameter whose callers in this file pass one. */
        private void resolve(ExpressionTree code, TreePath at, List<Resolved> out, int depth) {
            if (code instanceof LiteralTree literal && literal.getValue() instanceof String s) {
                out.add(new Resolved(s, code));
                return;
            }
            if (code instanceof MemberSelectTree select) {
                String value = constants.get(simpleName(select.getExpression()) + "." + select.getIdentifier());
                out.add(new Resolved(value, code));
                return;
            }
            if (code instanceof IdentifierTree id) {
                String constant = constants.get(file + ":" + id.getName());
                if (constant != null) {
                    out.add(new Resolved(constant, code));
                    return;
                }
                Optional<TreePath> method = enclosingMethod(at);
                if (method.isPresent() && depth < 3) {
                    MethodTree helper = (MethodTree) method.get().getLeaf();
                    int index = parameterIndex(helper, id.getName().toString());
                    if (index >= 0) {
                        List<TreePath> calls = callsOf(helper.getName().toString(), helper.getParameters().size());
                        for (TreePath call : calls) {
                            ExpressionTree arg = ((MethodInvocationTree) call.getLeaf()).getArguments().get(index);
                            resolve(arg, call, out, depth + 1);
                        }
                        if (!calls.isEmpty()) {
                            return;
                        }
                    }
                }
            }
            out.add(new Resolved(null, code)); // BinaryTree, method call, unknown name: not checkable
        }

        private List<TreePath> callsOf(String method, int arity) {
            List<TreePath> calls = new ArrayList<>();
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
                    if (node.getMethodSelect() instanceof IdentifierTree name && name.getName().contentEquals(method)
                            && node.getArguments().size() == arity) {
                        calls.add(getCurrentPath());
                    }
                    return super.visitMethodInvocation(node, unused);
                }
            }.scan(unit, null);
            return calls;
        }

        private static Optional<TreePath> enclosingMethod(TreePath path) {
            for (TreePath p = path; p != null; p = p.getParentPath()) {
                if (p.getLeaf() instanceof MethodTree) {
                    return Optional.of(p);
                }
                if (p.getLeaf() instanceof ClassTree) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }

        private static int parameterIndex(MethodTree method, String name) {
            for (int i = 0; i < method.getParameters().size(); i++) {
                if (method.getParameters().get(i).getName().contentEquals(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** {@code ErrorKind.X} or {@code org.lanyard.core.ErrorKind.X} → X; anything else (a variable) → null. */
        private static String kindOf(ExpressionTree kind) {
            return kind instanceof MemberSelectTree select && simpleName(select.getExpression()).equals("ErrorKind")
                    ? select.getIdentifier().toString() : null;
        }

        private long line(Tree tree) {
            return unit.getLineMap().getLineNumber(positions.getStartPosition(unit, tree));
        }
    }

    /** The last name of {@code a.b.C} or {@code C}; the text of anything else. */
    static String simpleName(Tree tree) {
        if (tree instanceof MemberSelectTree select) {
            return select.getIdentifier().toString();
        }
        if (tree instanceof IdentifierTree id) {
            return id.getName().toString();
        }
        if (tree instanceof BinaryTree) {
            return tree.toString();
        }
        return String.valueOf(tree);
    }
}
