# Shared by the benchmark scripts: source it after setting $root.
#   ensure_tree        sets $tree to the extracted reference kernel (Debian's linux-source-6.1)
#   tree_of RELEASE    the same for 6.1, 6.12 or 2.6.32
#   snapshot_kforge W  copies the built kforge into W/lib and writes W/kforge, so edits made while a
#                      benchmark runs cannot change (or rebuild) what is measured
#   seconds CMD...     prints CMD's wall time in seconds; CMD's output is dropped
#   median             the median of the numbers on stdin
#   ratio A B          A / B to two places

ensure_tree() {
    tree_of 6.1
}

# tree_of RELEASE: sets $tree to a reference tree extracted into the cache (6.1 and 6.12 from Debian's
# linux-source packages, 2.6.32 from the project's shared/kernels beside the repository).
tree_of() {
    "$root/scripts/install-deps" >/dev/null
    local cache="${KFORGE_CACHE:-$HOME/.cache/kforge}" tarball name
    case "$1" in
        2.6.32) tarball="${KFORGE_SHARED:-$root/../shared}/kernels/friendlyarm-linux-2.6.32.2.tar.xz"
                name=friendlyarm-linux-2.6.32.2 ;;
        *) tarball=$(ls /usr/src/linux-source-"$1".tar.* | head -n 1)
           name=$(basename "$tarball" | sed 's/\.tar\..*//') ;;
    esac
    tree="$cache/trees/$name"
    if [[ ! -f "$tree/Makefile" ]]; then
        echo "bench: extracting $tarball into $cache/trees" >&2
        mkdir -p "$cache/trees"
        local scratch
        scratch=$(mktemp -d "$cache/trees/.bench.XXXXXX")
        tar -C "$scratch" -xf "$tarball"
        mv "$scratch"/* "$tree"
        rmdir "$scratch"
    fi
}

snapshot_kforge() {
    local work="$1"
    "$root/kforge" --version >/dev/null   # builds kforge if needed, outside the timings
    mkdir -p "$work/lib"
    cp "$root"/app/target/app-*.jar "$work/lib/"
    tr ':' '\n' <"$root/app/target/runtime-classpath.txt" | xargs -I{} cp {} "$work/lib/"
    # The launcher's own choice of JVM options (and its class-data archive), on the copied jars.
    cp "$root/kforge" "$work/launcher"
    mkdir -p "$work/scripts/lib"
    cp "$root/scripts/lib/launch-kforge.sh" "$work/scripts/lib/"
    cat >"$work/kforge" <<EOF2
#!/bin/sh
KFORGE_CLASSPATH="$(ls "$work"/lib/*.jar | paste -sd:)" exec "$work/launcher" "\$@"
EOF2
    chmod +x "$work/kforge"
}

seconds() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo "scale=3; ($end - $start) / 1000000000" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

ratio() { echo "scale=3; $1 / $2" | bc; }
