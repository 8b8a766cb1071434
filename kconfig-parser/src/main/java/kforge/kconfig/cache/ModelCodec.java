package kforge.kconfig.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kforge.kconfig.diag.SourceLocation;
import kforge.kconfig.model.Expr;
import kforge.kconfig.model.ExprType;
import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KernelRelease;
import kforge.kconfig.model.Kconfig;
import kforge.kconfig.model.Menu;
import kforge.kconfig.model.Property;
import kforge.kconfig.model.PropertyType;
import kforge.kconfig.model.Symbol;
import kforge.kconfig.model.SymbolTable;
import kforge.kconfig.model.SymbolType;

/**
 * Writes a parsed, finalized Kconfig to bytes and reads it back into an equivalent model: same symbols in
 * the same table order, same menu tree, same properties and expressions. Evaluation state is not kept;
 * a model is always stored as it is right after parsing.
 */
public final class ModelCodec {
    private static final int MAGIC = 0x4b464b43; // "KFKC"
    private static final int FORMAT = 3;
    private static final int NULL = -1;
    private static final int FIXED_SYMBOLS = 3;

    private ModelCodec() {
    }

    public static byte[] encode(Kconfig kconfig) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            new Writer(kconfig, new DataOutputStream(bytes)).write();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Kconfig decode(byte[] data) {
        try {
            return new Reader(java.nio.ByteBuffer.wrap(data)).read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Writer {
        private final Kconfig kconfig;
        private final DataOutputStream out;
        private final Map<Symbol, Integer> symbolIds = new IdentityHashMap<>();
        private final Map<Menu, Integer> menuIds = new IdentityHashMap<>();
        private final Map<Property, Integer> propertyIds = new IdentityHashMap<>();
        private final Map<String, Integer> fileIds = new HashMap<>();
        private final List<String> fileNames = new ArrayList<>();
        private final List<Menu> menus = new ArrayList<>();
        private final List<Property> properties = new ArrayList<>();
        /** Distinct expression shapes, children before parents; equal subtrees are written once. */
        private final Map<List<Integer>, Integer> exprIds = new HashMap<>();
        private final List<List<Integer>> exprTable = new ArrayList<>();
        private final Map<Expr, Integer> exprIdOfNode = new IdentityHashMap<>();

        Writer(Kconfig kconfig, DataOutputStream out) {
            this.kconfig = kconfig;
            this.out = out;
        }

        void write() throws IOException {
            SymbolTable table = kconfig.symbols();
            symbolIds.put(table.yes, 0);
            symbolIds.put(table.mod, 1);
            symbolIds.put(table.no, 2);
            List<Symbol> symbols = table.inCreationOrder();
            for (Symbol s : symbols) {
                symbolIds.put(s, symbolIds.size());
            }
            collectMenus(kconfig.rootMenu());
            for (Symbol s : symbols) {
                for (Property p : s.properties) {
                    register(p);
                }
            }
            for (Menu m : menus) {
                if (m.prompt != null) {
                    register(m.prompt);
                }
            }
            for (Menu m : menus) {
                file(m.location);
                intern(m.visibility);
                intern(m.dep);
            }
            for (Property p : properties) {
                file(p.location);
                intern(p.expr);
                intern(p.visibleExpr);
            }
            for (Symbol s : symbols) {
                intern(s.dirDep);
                intern(s.revDep);
                intern(s.implied);
            }

            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            KernelRelease release = kconfig.dialect().release();
            out.writeInt(release.version());
            out.writeInt(release.patchLevel());
            out.writeInt(release.subLevel());
            out.writeInt(fileNames.size());
            for (String f : fileNames) {
                string(f);
            }
            out.writeInt(symbols.size());
            for (Symbol s : symbols) {
                string(s.name());
                out.writeByte(s.type.ordinal());
                out.writeInt(s.initialFlags());
                out.writeInt(s.flags);
            }
            out.writeInt(exprTable.size());
            for (List<Integer> shape : exprTable) {
                for (int field : shape) {
                    out.writeInt(field);
                }
            }
            out.writeInt(menus.size());
            for (Menu m : menus) {
                out.writeInt(ref(m.sym));
                location(m.location);
            }
            out.writeInt(properties.size());
            for (Property p : properties) {
                out.writeByte(p.type.ordinal());
                location(p.location);
                out.writeInt(menuIds.get(p.menu));
                string(p.text);
                expr(p.expr);
                expr(p.visibleExpr);
            }
            for (Menu m : menus) {
                out.writeInt(menuRef(m.next));
                out.writeInt(menuRef(m.parent));
                out.writeInt(menuRef(m.list));
                out.writeInt(m.prompt == null ? NULL : propertyIds.get(m.prompt));
                expr(m.visibility);
                expr(m.dep);
                out.writeInt(m.flags);
                string(m.help);
            }
            for (Symbol s : symbols) {
                out.writeInt(s.properties.size());
                for (Property p : s.properties) {
                    out.writeInt(propertyIds.get(p));
                }
                expr(s.dirDep);
                expr(s.revDep);
                expr(s.implied);
                out.writeInt(s.choiceValues.size());
                for (Symbol v : s.choiceValues) {
                    out.writeInt(ref(v));
                }
                out.writeInt(ref(s.choice));
            }
            out.writeInt(ref(kconfig.modulesSymbol()));
            out.writeInt(kconfig.files().size());
            for (String f : kconfig.files()) {
                string(f);
            }
            out.writeInt(kconfig.environmentUsed().size());
            for (Map.Entry<String, String> e : kconfig.environmentUsed().entrySet()) {
                string(e.getKey());
                string(e.getValue());
            }
            out.flush();
        }

        private void collectMenus(Menu root) {
            // Iterative pre-order walk: sibling chains can be thousands long.
            List<Menu> stack = new ArrayList<>();
            stack.add(root);
            while (!stack.isEmpty()) {
                Menu m = stack.remove(stack.size() - 1);
                menuIds.put(m, menus.size());
                menus.add(m);
                if (m.next != null) {
                    stack.add(m.next);
                }
                if (m.list != null) {
                    stack.add(m.list);
                }
            }
        }

        private void register(Property p) {
            if (!propertyIds.containsKey(p)) {
                propertyIds.put(p, properties.size());
                properties.add(p);
            }
        }

        private void file(SourceLocation loc) {
            if (loc != null && !fileIds.containsKey(loc.file())) {
                fileIds.put(loc.file(), fileNames.size());
                fileNames.add(loc.file());
            }
        }

        private void location(SourceLocation loc) throws IOException {
            if (loc == null) {
                out.writeInt(NULL);
                return;
            }
            out.writeInt(fileIds.get(loc.file()));
            out.writeInt(loc.line());
        }

        private int ref(Symbol s) {
            return s == null ? NULL : symbolIds.get(s);
        }

        private int menuRef(Menu m) {
            return m == null ? NULL : menuIds.get(m);
        }

        /** Gives the expression and its subexpressions table ids; structurally equal ones share an id. */
        private int intern(Expr e) {
            if (e == null) {
                return NULL;
            }
            Integer known = exprIdOfNode.get(e);
            if (known != null) {
                return known;
            }
            int left = intern(e.left);
            int right = intern(e.right);
            List<Integer> shape = List.of(e.type.ordinal(), left, right, ref(e.leftSym), ref(e.rightSym));
            Integer id = exprIds.get(shape);
            if (id == null) {
                id = exprTable.size();
                exprIds.put(shape, id);
                exprTable.add(shape);
            }
            exprIdOfNode.put(e, id);
            return id;
        }

        private void expr(Expr e) throws IOException {
            out.writeInt(e == null ? NULL : exprIdOfNode.get(e));
        }

        private void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(NULL);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    /** Reads from a ByteBuffer: far cheaper per value than a DataInputStream over a byte array. */
    private static final class Reader {
        private final java.nio.ByteBuffer in;
        private SymbolTable table;
        private Dialect dialect;
        private final List<Symbol> symbols = new ArrayList<>();
        private String[] files;
        private Menu[] menus;
        private Property[] properties;
        private Expr[] exprs;

        Reader(java.nio.ByteBuffer in) {
            this.in = in;
        }

        Kconfig read() throws IOException {
            if (in.getInt() != MAGIC || in.getInt() != FORMAT) {
                throw new IOException("not a kforge model of this version");
            }
            dialect = Dialect.of(new KernelRelease(in.getInt(), in.getInt(), in.getInt()));
            table = new SymbolTable(dialect);
            files = new String[in.getInt()];
            for (int i = 0; i < files.length; i++) {
                files[i] = string();
            }
            symbols.add(table.yes);
            symbols.add(table.mod);
            symbols.add(table.no);
            int symbolCount = in.getInt();
            for (int i = 0; i < symbolCount; i++) {
                String name = string();
                SymbolType type = SymbolType.values()[in.get()];
                int initial = in.getInt();
                Symbol s = new Symbol(name, initial);
                s.type = type;
                s.flags = in.getInt();
                table.restore(s);
                symbols.add(s);
            }
            exprs = new Expr[in.getInt()];
            for (int i = 0; i < exprs.length; i++) {
                exprs[i] = readShape();
            }
            menus = new Menu[in.getInt()];
            for (int i = 0; i < menus.length; i++) {
                Symbol sym = sym(in.getInt());
                menus[i] = new Menu(sym, null, location());
            }
            properties = new Property[in.getInt()];
            for (int i = 0; i < properties.length; i++) {
                PropertyType type = PropertyType.values()[in.get()];
                SourceLocation loc = location();
                Menu menu = menus[in.getInt()];
                String text = string();
                Expr expr = expr();
                Expr visible = expr();
                Property p = new Property(type, loc, menu, expr, visible);
                p.text = text;
                properties[i] = p;
            }
            for (Menu m : menus) {
                m.next = menu(in.getInt());
                m.parent = menu(in.getInt());
                m.list = menu(in.getInt());
                int prompt = in.getInt();
                m.prompt = prompt == NULL ? null : properties[prompt];
                m.visibility = expr();
                m.dep = expr();
                m.flags = in.getInt();
                m.help = string();
            }
            for (int i = 0; i < symbolCount; i++) {
                Symbol s = symbols.get(FIXED_SYMBOLS + i);
                int count = in.getInt();
                for (int j = 0; j < count; j++) {
                    s.properties.add(properties[in.getInt()]);
                }
                s.dirDep = expr();
                s.revDep = expr();
                s.implied = expr();
                int values = in.getInt();
                for (int j = 0; j < values; j++) {
                    s.choiceValues.add(sym(in.getInt()));
                }
                s.choice = sym(in.getInt());
            }
            Symbol modules = sym(in.getInt());
            List<String> fileList = new ArrayList<>();
            int fileCount = in.getInt();
            for (int i = 0; i < fileCount; i++) {
                fileList.add(string());
            }
            Map<String, String> env = new LinkedHashMap<>();
            int envCount = in.getInt();
            for (int i = 0; i < envCount; i++) {
                env.put(string(), string());
            }
            return new Kconfig(table, menus[0], modules, fileList, env, dialect);
        }

        private Symbol sym(int id) {
            return id == NULL ? null : symbols.get(id);
        }

        private Menu menu(int id) {
            return id == NULL ? null : menus[id];
        }

        private SourceLocation location() throws IOException {
            int file = in.getInt();
            if (file == NULL) {
                return null;
            }
            return new SourceLocation(files[file], in.getInt());
        }

        /** Shared nodes are safe: after loading, expressions are only evaluated and printed, never changed. */
        private Expr readShape() throws IOException {
            ExprType type = ExprType.values()[in.getInt()];
            Expr left = exprRef(in.getInt());
            Expr right = exprRef(in.getInt());
            Symbol leftSym = sym(in.getInt());
            Symbol rightSym = sym(in.getInt());
            Expr e = Expr.two(type, left, right);
            e.leftSym = leftSym;
            e.rightSym = rightSym;
            return e;
        }

        private Expr exprRef(int id) {
            return id == NULL ? null : exprs[id];
        }

        private Expr expr() throws IOException {
            return exprRef(in.getInt());
        }

        private String string() throws IOException {
            int n = in.getInt();
            if (n == NULL) {
                return null;
            }
            String text = new String(in.array(), in.position(), n, StandardCharsets.ISO_8859_1);
            in.position(in.position() + n);
            return text;
        }
    }
}
