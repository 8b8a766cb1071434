# The JVM options kforge runs with, defined once: sourced by ./kforge in a checkout and by the installed
# package's bin/kforge (scripts/package ships this file), so the two cannot drift apart.
#
# launch_kforge JAVA CLASSPATH [ARGS...] runs kforge.app.Main with ARGS and does not return.

# Commands that load JGit (the build records the tree's git HEAD), when its jar is the signed one from
# Maven Central (a checkout; the package ships it unsigned): the class-data dump at exit crashes the JVM
# (17.0.15, SIGSEGV in SystemDictionaryShared::adjust_lambda_proxy_class_dictionary) after a signed jar's
# classes were loaded, and the exit status becomes 134. The first other command makes the archive, and
# these then read it, which is safe. The caller sets jgit_jar_signed=1 for a signed JGit.
dumps_crash() {
    [[ "${jgit_jar_signed:-0}" == 1 ]] || return 1
    case "$1" in
        build|boot|batch|tree|patch|config) return 0 ;;
        *) return 1 ;;
    esac
}

launch_kforge() {
    local java=$1 classpath=$2
    shift 2

    # Short runs dominate: C1 alone starts faster than tiered C2, and vfork makes each of the many
    # $(shell,...) commands Kconfig runs cheaper to start. The editor (no arguments, or "gui") runs long,
    # so it keeps the optimising compiler. KFORGE_JAVA_OPTS can override all of it.
    local jit=(-XX:TieredStopAtLevel=1)
    # Most of what a command allocates is the parsed tree, which stays live to the end: a young generation
    # large enough to hold all of it means no collection ever copies it. With the JVM's default sizing, three
    # young collections took 0.6 s of a 4 s parse of 6.1 from scratch. Pages are only resident once used.
    local key value _ memory_kib=0
    # Read by bash itself: one program less to start (and to declare in the package's dependencies).
    while read -r key value _; do
        if [[ "$key" == MemTotal: ]]; then
            memory_kib=$value
            break
        fi
    done 2>/dev/null </proc/meminfo || true
    if [[ "${1:-}" == batch ]]; then
        # A batch parses once and then makes config after config: the garbage of each would fill a 1 GiB young
        # generation before its first collection, which is resident memory for nothing (910 MiB against 92 MiB
        # over 1,000 randconfigs of 6.1, and 20% slower: BatchMemoryTest).
        jit+=(-Xms48m -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10)
    elif ((memory_kib >= 8 * 1024 * 1024)); then
        jit+=(-Xmn1g)
    fi
    if (($# == 0)) || [[ "$1" == gui ]]; then
        # The JVM's default first heap is 1/64 of RAM; start small and give memory back after the parse, so
        # the editor holds about what it uses (scripts/bench-gui measures it).
        # Two compiler threads and two malloc arenas: the compilers' scratch memory otherwise stays resident.
        jit=(-Xms48m -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10 -XX:CICompilerCount=2)
        export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
    fi

    # Class data sharing: the JVM maps kforge's classes and its libraries' from an archive instead of loading
    # and verifying them from the jars on every start. The archive is made by the first run of a command after
    # each build (it is tied to these exact jars and this java); the JVM ignores one that does not match.
    # Each installation (a checkout, the package) keeps its own archive, named after its java and the folder of
    # its first jar, so running one does not throw away the other's. KFORGE_CDS=off runs without.
    local cds_dir="${KFORGE_CACHE:-$HOME/.cache/kforge}/cds"
    local java_path
    if ! java_path=$(command -v "$java"); then
        echo "kforge: cannot find $java; install Java 17 or later (scripts/install-deps does)" >&2
        exit 1
    fi
    local first_jar=${classpath%%:*} origin
    origin=$(printf '%s\n' "$java_path" "${first_jar%/*}" | cksum | cut -d' ' -f1)
    local cds_key
    cds_key=$( { echo "$java_path"; tr ':' '\n' <<<"$classpath" | xargs -r stat -c '%n %s %Y' 2>/dev/null; } \
        | cksum | cut -d' ' -f1)
    local cds_archive="$cds_dir/kforge-$origin-$cds_key.jsa"
    local cds=(-Xlog:cds=off -Xlog:cds+dynamic=off)
    if [[ "${KFORGE_CDS:-on}" == off ]]; then
        cds=()
    elif [[ -f "$cds_archive" ]]; then
        cds+=(-XX:SharedArchiveFile="$cds_archive")
    elif (($# > 0)) && [[ "$1" != gui && "$1" != -* ]] && ! dumps_crash "$1" && mkdir -p "$cds_dir" 2>/dev/null; then
        # Written at exit under a name of its own, then moved into place, so runs at the same time never see
        # half an archive. This installation's older archives belong to its older builds (kforge-N.jsa, without
        # an origin, to a launcher from before there were several).
        local partial="$cds_archive.$$" status
        "$java_path" ${jit[@]+"${jit[@]}"} -XX:+UseSerialGC "${cds[@]}" -XX:ArchiveClassesAtExit="$partial" \
            -Djdk.lang.Process.launchMechanism=VFORK ${KFORGE_JAVA_OPTS:-} -cp "$classpath" kforge.app.Main "$@" \
            && status=0 || status=$?
        if [[ -s "$partial" ]]; then
            find "$cds_dir" \( -name "kforge-$origin-*.jsa" ! -name "kforge-$origin-$cds_key.jsa*" \
                -o -regex '.*/kforge-[0-9]+\.jsa' \) -delete 2>/dev/null || true
            mv -f "$partial" "$cds_archive"
        fi
        rm -f "$partial"
        exit "$status"
    fi

    exec "$java_path" ${jit[@]+"${jit[@]}"} -XX:+UseSerialGC "${cds[@]}" -Djdk.lang.Process.launchMechanism=VFORK \
        ${KFORGE_JAVA_OPTS:-} -cp "$classpath" kforge.app.Main "$@"
}
