package kforge.kconfig.fix;

import java.util.HashMap;
import java.util.Map;

import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;
import org.sat4j.tools.GateTranslator;

/**
 * Boolean gates over Sat4j, folded where an input is constant so a Kconfig tree's many constant terms
 * (y, n, symbols outside the cone) cost no variables. A literal is a Sat4j literal; {@link #TRUE} and
 * {@link #FALSE} are the constant ones.
 */
final class Circuit {
    static final int TRUE = Integer.MAX_VALUE;
    static final int FALSE = -Integer.MAX_VALUE;

    private final GateTranslator gates;
    private final Map<Long, Integer> andCache = new HashMap<>();
    private boolean contradiction;

    Circuit() {
        ISolver solver = SolverFactory.newDefault();
        solver.setTimeoutMs(60_000);
        this.gates = new GateTranslator(solver);
    }

    int newVar() {
        return gates.nextFreeVarId(true);
    }

    static int not(int a) {
        return -a;
    }

    static int constant(boolean value) {
        return value ? TRUE : FALSE;
    }

    int and(int a, int b) {
        if (a == FALSE || b == FALSE || a == -b) {
            return FALSE;
        }
        if (a == TRUE || a == b) {
            return b;
        }
        if (b == TRUE) {
            return a;
        }
        long key = a < b ? ((long) a << 32) ^ (b & 0xffffffffL) : ((long) b << 32) ^ (a & 0xffffffffL);
        Integer cached = andCache.get(key);
        if (cached != null) {
            return cached;
        }
        int y = newVar();
        try {
            gates.and(y, a, b);
        } catch (ContradictionException e) {
            contradiction = true;
        }
        andCache.put(key, y);
        return y;
    }

    int or(int a, int b) {
        return not(and(not(a), not(b)));
    }

    int implies(int a, int b) {
        return or(not(a), b);
    }

    int iff(int a, int b) {
        return and(implies(a, b), implies(b, a));
    }

    int ite(int condition, int whenTrue, int whenFalse) {
        if (condition == TRUE || whenTrue == whenFalse) {
            return whenTrue;
        }
        if (condition == FALSE) {
            return whenFalse;
        }
        return or(and(condition, whenTrue), and(not(condition), whenFalse));
    }

    /** The literal holds in every model. */
    void require(int a) {
        if (a == TRUE) {
            return;
        }
        if (a == FALSE) {
            contradiction = true;
            return;
        }
        clause(a);
    }

    /** At least one of the literals holds (constants already folded away by the caller or here). */
    void clause(int... literals) {
        VecInt clause = new VecInt();
        for (int lit : literals) {
            if (lit == TRUE) {
                return;
            }
            if (lit != FALSE) {
                clause.push(lit);
            }
        }
        if (clause.isEmpty()) {
            contradiction = true;
            return;
        }
        try {
            gates.addClause(clause);
        } catch (ContradictionException e) {
            contradiction = true;
        }
    }

    /** Satisfiable under the assumed literals; false also when the solver gives up (its time limit). */
    boolean solve(int... assumptions) {
        if (contradiction) {
            return false;
        }
        VecInt assumed = new VecInt();
        for (int lit : assumptions) {
            if (lit == FALSE) {
                return false;
            }
            if (lit != TRUE) {
                assumed.push(lit);
            }
        }
        try {
            return gates.isSatisfiable(assumed);
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** The literal's value in the last model found. */
    boolean valueOf(int lit) {
        if (lit == TRUE || lit == FALSE) {
            return lit == TRUE;
        }
        boolean positive = gates.model(Math.abs(lit));
        return lit > 0 == positive;
    }

    int variables() {
        return gates.nVars();
    }

    int clauses() {
        return gates.nConstraints();
    }
}
