"""The report's workbook, opened by real clients: openpyxl reads its cells (numbers as numbers,
dates as dates, totals as formulas), LibreOffice recalculates it, and every total it computes must
equal the report's JSON for the same company.
Usage: check-workbook.py MATURITY_BIN ASSESSMENT.yaml [...]   (needs openpyxl and soffice)"""
import datetime, json, os, subprocess, sys, tempfile

import openpyxl

binary, files = sys.argv[1], sys.argv[2:]
work = tempfile.mkdtemp()
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


for path in files:
    name = os.path.splitext(os.path.basename(path))[0]
    book = os.path.join(work, name + ".xlsx")
    report = json.loads(subprocess.run([binary, "report", path, "--format", "json"], check=True, capture_output=True, text=True).stdout)
    subprocess.run([binary, "report", path, "--output", book], check=True, capture_output=True)

    wb = openpyxl.load_workbook(book)
    check(wb.sheetnames == ["Summary", "Use cases", "Plan", "Staffing", "Budget"], f"{name}: sheets {wb.sheetnames}")
    uc = wb["Use cases"]
    header = [c.value for c in uc[1]]
    run_col = header.index("Run cost a year") + 1
    for r in range(2, 2 + len(report["useCases"])):
        check(isinstance(uc.cell(r, 7).value, (int, float)), f"{name}: value in row {r} is not a number")
        check(str(uc.cell(r, run_col).value).startswith("=SUM("), f"{name}: run cost in row {r} is not a formula")
    plan = wb["Plan"]
    for r in range(2, 2 + len(report["plan"])):
        check(isinstance(plan.cell(r, 4).value, datetime.datetime), f"{name}: plan start in row {r} is not a date")

    # LibreOffice opens it, recalculates every formula and saves the values.
    out = os.path.join(work, "lo-" + name)
    os.makedirs(out, exist_ok=True)
    subprocess.run(["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", out, book], check=True, capture_output=True, timeout=300)
    calc = openpyxl.load_workbook(os.path.join(out, name + ".xlsx"), data_only=True)
    uc = calc["Use cases"]
    for i, u in enumerate(report["useCases"]):
        got = uc.cell(i + 2, run_col).value
        check(got is not None and abs(got - u["annualRunCost"]) <= 2, f"{name}: {u['name']} run cost {got} != {u['annualRunCost']}")
    total_row = 2 + len(report["useCases"])
    if report["useCases"]:
        check(uc.cell(total_row, 2).value == "Total", f"{name}: no total row")
        value = uc.cell(total_row, 7).value
        check(abs(value - sum(u["annualValue"] for u in report["useCases"])) <= 1, f"{name}: total value {value}")
    budget = calc["Budget"]
    if report["budget"]:
        total = budget.cell(2 + len(report["budget"]), 4).value
        check(abs(total - sum(b["annual"] for b in report["budget"])) <= 1, f"{name}: budget total {total}")
    staffing = calc["Staffing"]
    by_role = {}
    for s in report["staffing"]:
        by_role[s["roleLabel"]] = by_role.get(s["roleLabel"], 0) + s["hours"]
    sums = {row[0].value: row[1].value for row in staffing.iter_rows(min_row=len(report["staffing"]) + 4) if row[0].value}
    for role, hours in by_role.items():
        check(role in sums and abs(sums[role] - hours) <= 0.5, f"{name}: staffing {role} {sums.get(role)} != {hours}")
    print(f"{name}: {len(report['useCases'])} use cases, {len(report['plan'])} plan steps, totals equal the report in LibreOffice")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
