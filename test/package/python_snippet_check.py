"""Checks a README Python snippet against the module jsii-pacmak generated, without the jsii runtime.

Usage: python3 python_snippet_check.py GENERATED_INIT_PY SNIPPET_PY

The snippet must compile, and every use of a name imported from the generated module must match
it: classes and enums exist; constructors, static methods and methods get only parameters they
declare, with their required keywords; enum members exist; attributes read from an object the
snippet built from one of these classes are its properties or methods (inherited members, such as
`node`, are not known). Prints the problems as a JSON list in source order and exits 1 when there
are any. Called by test/package/jsii-pacmak.test.ts.
"""

import ast
import json
import sys


def signature(fn):
    """Positional names (without self/cls), keyword-only names, required keyword-only names."""
    args = fn.args
    positional = [a.arg for a in args.posonlyargs + args.args][1:]
    keywords = [a.arg for a in args.kwonlyargs]
    required = [a.arg for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is None]
    return {"positional": positional, "keywords": keywords, "required": required, "varargs": args.vararg is not None}


def read_module(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    classes = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        cls = {"init": None, "methods": {}, "properties": set(), "members": set()}
        for item in node.body:
            if isinstance(item, ast.FunctionDef):
                decorators = [ast.unparse(d) for d in item.decorator_list]
                if item.name == "__init__":
                    cls["init"] = signature(item)
                elif "builtins.property" in decorators:
                    cls["properties"].add(item.name)
                elif not item.name.startswith("_"):
                    cls["methods"][item.name] = signature(item)
            elif isinstance(item, ast.Assign):
                for target in item.targets:
                    if isinstance(target, ast.Name):
                        cls["members"].add(target.id)
        classes[node.name] = cls
    return classes


def check_call(call, sig, what, problem):
    if sig is None:
        problem(call, f"{what} cannot be called with arguments")
        return
    if len(call.args) > len(sig["positional"]) and not sig["varargs"]:
        problem(call, f"{what} takes {len(sig['positional'])} positional argument(s), given {len(call.args)}")
    given = [k.arg for k in call.keywords if k.arg is not None]
    for name in given:
        if name not in sig["keywords"] and name not in sig["positional"]:
            problem(call, f"{what} has no parameter {name!r} (it has {', '.join(sig['keywords'] + sig['positional'])})")
    for name in sig["required"]:
        if name not in given:
            problem(call, f"{what} needs {name}=")


def main(module_path, snippet_path, module_name="cdktf_dis_transfer_tasks"):
    classes = read_module(module_path)
    source = open(snippet_path, encoding="utf-8").read()
    problems = []

    def problem(node, text):
        problems.append((node.lineno, node.col_offset, f"line {node.lineno}: {text}"))

    try:
        tree = ast.parse(source)
        compile(source, snippet_path, "exec")
    except SyntaxError as e:
        print(json.dumps([f"the snippet does not compile: {e}"]))
        return 1

    imported = {}  # local name -> generated class name
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == module_name:
            for alias in node.names:
                if alias.name not in classes:
                    problem(node, f"{module_name} has no {alias.name}")
                else:
                    imported[alias.asname or alias.name] = alias.name
    instances = {}  # variable -> generated class name, for `x = Cls(...)`
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Name) and func.id in imported:
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        instances[target.id] = imported[func.id]

    calls = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in imported:
                name = imported[func.id]
                check_call(node, classes[name]["init"], f"{name}(...)", problem)
            elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                owner = imported.get(func.value.id) or instances.get(func.value.id)
                if owner is None:
                    continue
                method = classes[owner]["methods"].get(func.attr)
                if method is None:
                    problem(node, f"{owner} has no method {func.attr}")
                else:
                    check_call(node, method, f"{owner}.{func.attr}(...)", problem)
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and id(node) not in calls:
            if node.value.id in imported:
                owner = imported[node.value.id]
                if node.attr not in classes[owner]["members"] and node.attr not in classes[owner]["methods"]:
                    problem(node, f"{owner} has no member {node.attr}")
            elif node.value.id in instances:
                owner = instances[node.value.id]
                known = classes[owner]["properties"] | set(classes[owner]["methods"])
                if node.attr not in known:
                    problem(node, f"{owner} objects have no attribute {node.attr}")

    print(json.dumps([text for _, _, text in sorted(problems)]))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
