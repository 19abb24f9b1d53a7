"""Executes the example notebook (examples/parley_demands.ipynb) end to end with nbconvert, as a
reader would run it, and checks what it shows: the ingest results, the demands table, the
timeline and the networkx drawing as pictures. Run by ctest (python_notebook) with the build
tree's package on PYTHONPATH; the notebook's kernel inherits it."""

import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

NOTEBOOK = pathlib.Path(__file__).resolve().parents[2] / "examples" / "parley_demands.ipynb"


def text_of(cell):
    """Everything a code cell printed or displayed as text."""
    out = []
    for o in cell.get("outputs", []):
        out.append("".join(o.get("text", "")))
        out.append("".join(o.get("data", {}).get("text/plain", "")))
    return "\n".join(out)


class NotebookTest(unittest.TestCase):
    def test_notebook_runs_end_to_end(self):
        with tempfile.TemporaryDirectory() as out_dir:
            # The kernel starts in the notebook's folder (it reads articles/ from there); the
            # executed copy goes to the scratch folder, the example stays as it is.
            # Jupyter's and IPython's run-time files in the scratch folder too: a CI root's
            # home may not be writable.
            env = dict(os.environ, JUPYTER_RUNTIME_DIR=os.path.join(out_dir, "runtime"),
                       IPYTHONDIR=os.path.join(out_dir, "ipython"))
            run = subprocess.run(
                [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                 "--ExecutePreprocessor.timeout=120", "--output-dir", out_dir, str(NOTEBOOK)],
                capture_output=True, text=True, env=env)
            self.assertEqual(run.returncode, 0, run.stderr[-3000:])
            executed = json.loads((pathlib.Path(out_dir) / NOTEBOOK.name).read_text())
        cells = [c for c in executed["cells"] if c["cell_type"] == "code"]
        for c in cells:
            self.assertFalse([o for o in c["outputs"] if o["output_type"] == "error"], c["source"])
        ingest, demands, egypt, timeline, graph, facts = (text_of(c) for c in cells[:6])
        self.assertEqual(ingest.count("'outcome': 'added'"), 4, ingest)
        self.assertIn("halt the next filling", demands)
        self.assertIn("UN Security Council", demands)
        self.assertIn("not begin the next filling", egypt)
        self.assertNotIn("Sudan", egypt)
        self.assertIn("2026-05-21", timeline)
        self.assertIn("Ethiopia", graph)
        self.assertIn("('Sudan', 'release more water to farms downstream', 'Ethiopia')", facts)
        # The timeline and the graph are drawn.
        for c in (cells[3], cells[4]):
            self.assertTrue(any("image/png" in o.get("data", {}) for o in c["outputs"]), c["source"])


if __name__ == "__main__":
    unittest.main()
