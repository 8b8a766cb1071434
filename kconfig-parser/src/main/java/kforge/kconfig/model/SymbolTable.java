package kforge.kconfig.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import kforge.kconfig.dialect.Dialect;
import kforge.kconfig.dialect.KconfigChange;

/**
 * The symbol table, hashed like symbol.c (FNV-1a over the name's bytes, 9973 buckets, or 16384 since 6.9;
 * newest first in a bucket). conf visits symbols in that order in several places, so keeping it makes
 * kforge visit them in the same order and produce the same results, warnings and random choices.
 */
public final class SymbolTable {
    private final int hashSize;

    public final Symbol yes = new Symbol("y", Symbol.CONST | Symbol.VALID, "y", Tristate.YES);
    public final Symbol mod = new Symbol("m", Symbol.CONST | Symbol.VALID, "m", Tristate.MOD);
    public final Symbol no = new Symbol("n", Symbol.CONST | Symbol.VALID, "n", Tristate.NO);
    /** Stands for an empty string value (symbol_empty). */
    public final Symbol empty = new Symbol("", Symbol.VALID, "", Tristate.NO);

    private final List<List<Symbol>> buckets;
    private final List<Symbol> all = new ArrayList<>();
    private List<Symbol> iterationOrder;

    /** A table of the 6.1 baseline's layout. */
    public SymbolTable() {
        this(Dialect.BASELINE);
    }

    public SymbolTable(Dialect dialect) {
        hashSize = dialect.has(KconfigChange.SYMBOL_HASH_16384) ? 1 << 14 : 9973;
        buckets = new ArrayList<>(hashSize);
        yes.type = SymbolType.TRISTATE;
        mod.type = SymbolType.TRISTATE;
        no.type = SymbolType.TRISTATE;
        for (int i = 0; i < hashSize; i++) {
            buckets.add(null);
        }
    }

    /** sym_lookup: finds or creates a symbol; flags select const or choice symbols. */
    public Symbol lookup(String name, int flags) {
        int hash = 0;
        if (name != null) {
            Symbol constant = constantFor(name);
            if (constant != null) {
                return constant;
            }
            hash = bucketOf(name);
            List<Symbol> bucket = buckets.get(hash);
            if (bucket != null) {
                for (int i = bucket.size() - 1; i >= 0; i--) {
                    Symbol s = bucket.get(i);
                    if (name.equals(s.name()) && matchesLookupFlags(s, flags)) {
                        return s;
                    }
                }
            }
        }
        Symbol sym = new Symbol(name, flags);
        add(hash, sym);
        return sym;
    }

    /**
     * Re-enters a symbol read back from a cache, in creation order, so the table ends up exactly as the
     * parse that made it left it.
     */
    public void restore(Symbol sym) {
        add(sym.name() == null ? 0 : bucketOf(sym.name()), sym);
    }

    /** sym_find: an existing non-const symbol, or null. */
    public Symbol find(String name) {
        if (name == null) {
            return null;
        }
        Symbol constant = constantFor(name);
        if (constant != null) {
            return constant;
        }
        List<Symbol> bucket = buckets.get(bucketOf(name));
        if (bucket == null) {
            return null;
        }
        for (int i = bucket.size() - 1; i >= 0; i--) {
            Symbol s = bucket.get(i);
            if (name.equals(s.name()) && !s.isConst()) {
                return s;
            }
        }
        return null;
    }

    /** All symbols in conf's for_all_symbols order. */
    public List<Symbol> inHashOrder() {
        if (iterationOrder == null) {
            List<Symbol> order = new ArrayList<>(all.size());
            for (List<Symbol> bucket : buckets) {
                if (bucket != null) {
                    for (int i = bucket.size() - 1; i >= 0; i--) {
                        order.add(bucket.get(i));
                    }
                }
            }
            iterationOrder = List.copyOf(order);
        }
        return iterationOrder;
    }

    public void forEach(Consumer<Symbol> action) {
        inHashOrder().forEach(action);
    }

    /** Symbols in the order they were created (the order they first appear in the Kconfig files). */
    public List<Symbol> inCreationOrder() {
        return List.copyOf(all);
    }

    public int size() {
        return all.size();
    }

    private static boolean matchesLookupFlags(Symbol s, int flags) {
        return flags != 0 ? (s.flags & flags) != 0 : (s.flags & (Symbol.CONST | Symbol.CHOICE)) == 0;
    }

    private Symbol constantFor(String name) {
        if (name.length() == 1) {
            switch (name.charAt(0)) {
                case 'y': return yes;
                case 'm': return mod;
                case 'n': return no;
                default: return null;
            }
        }
        return null;
    }

    private void add(int hash, Symbol sym) {
        List<Symbol> bucket = buckets.get(hash);
        if (bucket == null) {
            bucket = new ArrayList<>(2);
            buckets.set(hash, bucket);
        }
        bucket.add(sym);
        all.add(sym);
        iterationOrder = null;
    }

    private int bucketOf(String name) {
        return (int) (Integer.toUnsignedLong(hash(name)) % hashSize);
    }

    /** FNV-1a over the bytes as C's signed char (strhash, hash_str). */
    static int hash(String name) {
        int h = 0x811c9dc5;
        for (int i = 0; i < name.length(); i++) {
            byte b = (byte) name.charAt(i);
            h = (h ^ b) * 0x01000193;
        }
        return h;
    }
}
