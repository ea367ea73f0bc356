#!/bin/sh
# The protocol has one home: no topic string and no hand-made envelope ("v": 1) in the
# product's code outside core/protocol (docs/protocol.md). A protocol change is then made
# in one place, and a reader and a writer cannot drift apart again.
cd "${1:?source dir}" || exit 2
found=$(grep -rn --include='*.cpp' --include='*.h' --include='*.qml' --include='*.js' \
            -e '"fest/v1' -e 'QStringLiteral("v")' -e '{"v", 1}' \
            core controller player kiosk qml console | grep -v '^core/protocol/')
if [ -n "$found" ]; then
    echo "Topic strings or envelopes written outside core/protocol (use Topics, Envelope and the message types there):"
    echo "$found"
    exit 1
fi
echo "every topic and envelope comes from core/protocol"
