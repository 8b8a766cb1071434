package kforge.kconfig.expr;

import kforge.kconfig.model.Expr;

/**
 * A place that holds an expression, standing in for C's "struct expr **": the elimination passes replace
 * operands inside their parent node, and sometimes the root itself.
 */
interface ExprSlot {
    Expr get();

    void set(Expr e);

    static ExprSlot left(Expr parent) {
        return new ExprSlot() {
            @Override
            public Expr get() {
                return parent.left;
            }

            @Override
            public void set(Expr e) {
                parent.left = e;
            }
        };
    }

    static ExprSlot right(Expr parent) {
        return new ExprSlot() {
            @Override
            public Expr get() {
                return parent.right;
            }

            @Override
            public void set(Expr e) {
                parent.right = e;
            }
        };
    }

    final class Box implements ExprSlot {
        private Expr value;

        Box(Expr value) {
            this.value = value;
        }

        @Override
        public Expr get() {
            return value;
        }

        @Override
        public void set(Expr e) {
            value = e;
        }
    }
}
