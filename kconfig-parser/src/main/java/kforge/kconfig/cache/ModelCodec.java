package kforge.kconfig.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
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
    private static final int FORMAT = 1;
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
            return new Reader(new DataInputStream(new ByteArrayInputStream(data))).read();
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
            }
            for (Property p : properties) {
                file(p.location);
            }

            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
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

        private void expr(Expr e) throws IOException {
            if (e == null) {
                out.writeByte(NULL);
                return;
            }
            out.writeByte(e.type.ordinal());
            switch (e.type) {
                case AND: case OR: case LIST:
                    expr(e.left);
                    expr(e.right);
                    out.writeInt(ref(e.rightSym));
                    break;
                case NOT:
                    expr(e.left);
                    break;
                default:
                    out.writeInt(ref(e.leftSym));
                    out.writeInt(ref(e.rightSym));
            }
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

    private static final class Reader {
        private final DataInputStream in;
        private final SymbolTable table = new SymbolTable();
        private final List<Symbol> symbols = new ArrayList<>();
        private String[] files;
        private Menu[] menus;
        private Property[] properties;

        Reader(DataInputStream in) {
            this.in = in;
        }

        Kconfig read() throws IOException {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a kforge model of this version");
            }
            files = new String[in.readInt()];
            for (int i = 0; i < files.length; i++) {
                files[i] = string();
            }
            symbols.add(table.yes);
            symbols.add(table.mod);
            symbols.add(table.no);
            int symbolCount = in.readInt();
            for (int i = 0; i < symbolCount; i++) {
                String name = string();
                SymbolType type = SymbolType.values()[in.readByte()];
                int initial = in.readInt();
                Symbol s = new Symbol(name, initial);
                s.type = type;
                s.flags = in.readInt();
                table.restore(s);
                symbols.add(s);
            }
            menus = new Menu[in.readInt()];
            for (int i = 0; i < menus.length; i++) {
                Symbol sym = sym(in.readInt());
                menus[i] = new Menu(sym, null, location());
            }
            properties = new Property[in.readInt()];
            for (int i = 0; i < properties.length; i++) {
                PropertyType type = PropertyType.values()[in.readByte()];
                SourceLocation loc = location();
                Menu menu = menus[in.readInt()];
                String text = string();
                Expr expr = expr();
                Expr visible = expr();
                Property p = new Property(type, loc, menu, expr, visible);
                p.text = text;
                properties[i] = p;
            }
            for (Menu m : menus) {
                m.next = menu(in.readInt());
                m.parent = menu(in.readInt());
                m.list = menu(in.readInt());
                int prompt = in.readInt();
                m.prompt = prompt == NULL ? null : properties[prompt];
                m.visibility = expr();
                m.dep = expr();
                m.flags = in.readInt();
                m.help = string();
            }
            for (int i = 0; i < symbolCount; i++) {
                Symbol s = symbols.get(FIXED_SYMBOLS + i);
                int count = in.readInt();
                for (int j = 0; j < count; j++) {
                    s.properties.add(properties[in.readInt()]);
                }
                s.dirDep = expr();
                s.revDep = expr();
                s.implied = expr();
                int values = in.readInt();
                for (int j = 0; j < values; j++) {
                    s.choiceValues.add(sym(in.readInt()));
                }
                s.choice = sym(in.readInt());
            }
            Symbol modules = sym(in.readInt());
            List<String> fileList = new ArrayList<>();
            int fileCount = in.readInt();
            for (int i = 0; i < fileCount; i++) {
                fileList.add(string());
            }
            Map<String, String> env = new LinkedHashMap<>();
            int envCount = in.readInt();
            for (int i = 0; i < envCount; i++) {
                env.put(string(), string());
            }
            return new Kconfig(table, menus[0], modules, fileList, env);
        }

        private Symbol sym(int id) {
            return id == NULL ? null : symbols.get(id);
        }

        private Menu menu(int id) {
            return id == NULL ? null : menus[id];
        }

        private SourceLocation location() throws IOException {
            int file = in.readInt();
            if (file == NULL) {
                return null;
            }
            return new SourceLocation(files[file], in.readInt());
        }

        private Expr expr() throws IOException {
            int type = in.readByte();
            if (type == NULL) {
                return null;
            }
            ExprType t = ExprType.values()[type];
            switch (t) {
                case AND: case OR: case LIST: {
                    Expr left = expr();
                    Expr right = expr();
                    Expr e = Expr.two(t, left, right);
                    e.rightSym = sym(in.readInt());
                    return e;
                }
                case NOT:
                    return Expr.one(t, expr());
                default: {
                    Symbol l = sym(in.readInt());
                    Symbol r = sym(in.readInt());
                    Expr e = Expr.comparison(t, l, r);
                    return e;
                }
            }
        }

        private String string() throws IOException {
            int n = in.readInt();
            if (n == NULL) {
                return null;
            }
            byte[] b = in.readNBytes(n);
            return new String(b, StandardCharsets.ISO_8859_1);
        }
    }
}
