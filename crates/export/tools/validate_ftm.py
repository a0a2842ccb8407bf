"""Validates every line of an FtM JSON-lines file with the followthemoney
package: the schema exists, every property belongs to it, every value is
valid for the property's type (entity references must name an entity of
the file), and the schema's required properties are present.

Usage: python validate_ftm.py FILE.jsonl   (exit 1 and one line per fault)
"""
import json
import sys

from followthemoney import model
from followthemoney.exc import InvalidData


def main(path):
    faults = []
    entities = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    ids = {e.get("id") for e in entities}
    for n, data in enumerate(entities, 1):
        where = f"line {n} ({data.get('id')})"
        schema = model.get(data.get("schema"))
        if schema is None:
            faults.append(f"{where}: unknown schema {data.get('schema')!r}")
            continue
        if schema.abstract:
            faults.append(f"{where}: {schema.name} is abstract")
        for name, values in data.get("properties", {}).items():
            prop = schema.get(name)
            if prop is None:
                faults.append(f"{where}: {schema.name} has no property {name!r}")
                continue
            for value in values:
                if prop.type.name == "entity":
                    if value not in ids:
                        faults.append(f"{where}: {name} points at {value!r}, not in the file")
                elif prop.type.clean(value) is None:
                    faults.append(f"{where}: {name} = {value!r} is not a valid {prop.type.name}")
        try:
            proxy = model.get_proxy(data, cleaned=False)
        except InvalidData as error:
            faults.append(f"{where}: {error}")
            continue
        # `required` of a schema does not repeat its parents' (Article gets
        # fileName from Document and name from Thing).
        required = set().union(*(s.required for s in schema.schemata))
        for required in sorted(required):
            if not proxy.has(required):
                faults.append(f"{where}: {schema.name} requires {required!r}")
        if proxy.id != data.get("id"):
            faults.append(f"{where}: the id is not kept as given")
    for fault in faults:
        print(fault)
    print(f"{len(entities)} entities, {len(faults)} faults")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
