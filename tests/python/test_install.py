"""Installs the build (`cmake --install` into a scratch prefix) and imports the installed module
from a fresh interpreter that knows nothing of the build tree: the package lands in the prefix's
Debian dist-packages folder, its extension finds libparley in the prefix (RPATH) and the library
its data in the prefix. Run by ctest (python_install), which sets PARLEY_BUILD_DIR, CMAKE_COMMAND
and PARLEY_PYTHON_INSTALL_DIR."""

import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

CHECK = """
import parley, sys
assert parley.__file__.startswith(sys.argv[1]), parley.__file__
# The library the extension loaded is the prefix's (found through its RPATH).
libs = {line.split()[-1] for line in open("/proc/self/maps") if "libparley.so" in line}
assert libs and all(p.startswith(sys.argv[2]) for p in libs), libs
facts = parley.extract("Border row\\nBy Desk | 2026-01-05\\n\\nChile demanded that Peru reopen the border.")
print(sorted((e["source"]["entity"], e["target"]["entity"]) for e in facts["events"] if e["type"] == "demand"))
"""


class InstallTest(unittest.TestCase):
    def test_installed_module_imports_and_extracts(self):
        with tempfile.TemporaryDirectory() as prefix:
            install = subprocess.run(
                [os.environ["CMAKE_COMMAND"], "--install", os.environ["PARLEY_BUILD_DIR"],
                 "--prefix", prefix], capture_output=True, text=True)
            self.assertEqual(install.returncode, 0, install.stdout[-2000:] + install.stderr)
            site = pathlib.Path(prefix) / os.environ["PARLEY_PYTHON_INSTALL_DIR"]
            self.assertTrue((site / "parley" / "__init__.py").is_file())
            # Only the installed prefix: no build tree on the path, no data folder named.
            env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PARLEY_DATA")}
            env["PYTHONPATH"] = str(site)
            run = subprocess.run([sys.executable, "-c", CHECK, str(site), prefix], capture_output=True,
                                 text=True, env=env, cwd=prefix)
            self.assertEqual(run.returncode, 0, run.stderr[-2000:])
            self.assertEqual(run.stdout.strip(), "[('CHL', 'PER')]")


if __name__ == "__main__":
    unittest.main()
