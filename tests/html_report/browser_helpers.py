"""What the browser tests share: running a script in the page, and axe-core's verdict."""

from __future__ import annotations

from typing import Any, cast

from selenium.webdriver.remote.webdriver import WebDriver


def js(driver: WebDriver, script: str, *args: Any) -> Any:
    return driver.execute_script(script, *args)


def axe_violations(driver: WebDriver, axe_source: str) -> list[dict[str, Any]]:
    """axe-core run on the page as loaded: each violation's id, help and first nodes."""
    js(driver, axe_source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done({violations: r.violations.map(v => ({"
        "  id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))"
        "})), passes: r.passes.length})).catch(e => done({error: String(e)}));"
    )
    assert "error" not in result, result
    assert result["passes"] > 10, "axe ran its rules"
    return cast(list[dict[str, Any]], result["violations"])
