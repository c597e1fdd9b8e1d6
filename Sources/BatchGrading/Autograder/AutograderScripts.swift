/// The two scripts of the Gradescope bundle (see `AutograderBundle`).
enum AutograderScripts {
    static func setup(swiftVersion: String) -> String {
        """
        #!/usr/bin/env bash
        # Gradescope runs this once, as root, when the autograder image is built.
        set -euo pipefail
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq curl ca-certificates binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 \\
            libgcc-11-dev libpython3-dev libsqlite3-0 libstdc++-11-dev libxml2-dev libz3-dev pkg-config tzdata unzip \\
            zlib1g-dev bubblewrap libarchive-dev libopenblas-dev libcmark-dev libsqlite3-dev libcairo2-dev libpng-dev \\
            libjpeg-dev
        version=\(swiftVersion)
        . /etc/os-release
        platform="${ID}${VERSION_ID}"; folder="${platform//./}"
        url="https://download.swift.org/swift-$version-release/$folder/swift-$version-RELEASE/swift-$version-RELEASE-$platform.tar.gz"
        curl -fsSL "$url" | tar -xz -C /opt
        ln -sf "/opt/swift-$version-RELEASE-$platform/usr/bin/"* /usr/local/bin/
        cd /autograder/source/course
        swift build -c release --product vlm-course
        swift build -c release --product CourseKit

        """
    }

    static let runAutograder = """
        #!/usr/bin/env bash
        # Gradescope runs this for every submission: grade it as a class of one, publish its results.json.
        # AUTOGRADER_ROOT (default /autograder) lets a test run it on a fake layout.
        set -uo pipefail
        root=${AUTOGRADER_ROOT:-/autograder}
        course=$root/source/course
        results=$root/results/results.json
        class=$(mktemp -d); out=$(mktemp -d)
        mkdir -p "$class/student"
        cp -r "$root/submission/." "$class/student/"
        options=(--jobs 1 --timeout 20 --build-folder "$course/.build/release")
        [ -f "$course/rubric.json" ] && options+=(--rubric "$course/rubric.json")
        # Gradescope's containers may not allow user namespaces; each submission has its own container there.
        bwrap --ro-bind / / --unshare-net --unshare-pid true 2>/dev/null || options+=(--no-sandbox)
        cd "$course"
        # Exit status 1 with a student.json is a grader-error: its output names the cause, and this
        # script exits non-zero so Gradescope shows the run as failed, to be rerun.
        .build/release/vlm-course grade "$class" --out "$out" "${options[@]}" 2> "$out/grade.log"
        status=$?
        if [ -f "$out/gradescope/student.json" ]; then
            cp "$out/gradescope/student.json" "$results"
        else
            cause=$(tail -n 1 "$out/grade.log" | tr -d '\\000-\\037' | sed 's/[\\"]/\\\\&/g')
            printf '{"score": 0, "output": "The autograder could not grade this submission: %s"}\\n' "$cause" > "$results"
            [ "$status" -ne 0 ] || status=1
        fi
        cat "$out/grade.log" >&2
        exit "$status"

        """
}
