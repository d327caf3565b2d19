from ipguard.cli import main


def test_self_test_passes_in_the_source_tree(capsys):
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    assert "self-test passed" in out
    assert "audit chain intact" in out
