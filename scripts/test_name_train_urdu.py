"""Checks of scripts/name_train_urdu.py: python3 -m unittest scripts/test_name_train_urdu.py"""
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import name_train_urdu as g  # noqa: E402


def words_in_spans(line):
    return {w for s in line["spans"] for w in line["text"][s["start"]:s["end"]].split()}


class NameTrainUrdu(unittest.TestCase):
    def test_spans_cover_whole_names_drawn_from_the_pool(self):
        pool = g.training_pool()
        known = set(pool.given) | set(pool.family)
        for line in g.texts(random.Random(3), 300):
            for s in line["spans"]:
                name = line["text"][s["start"]:s["end"]]
                self.assertEqual(name, name.strip())
                self.assertTrue(set(name.split()) <= known, name)
            self.assertEqual(line["pii_free"], not line["spans"])

    def test_training_never_holds_a_held_out_name(self):
        lines = list(g.texts(random.Random(4), 500))
        self.assertFalse(set().union(*map(words_in_spans, lines)) & g.HELD)

    def test_tuning_people_are_held_out_and_shapes_are_its_own(self):
        lines = list(g.texts(random.Random(5), 200, tuning=True))
        self.assertTrue(set().union(*map(words_in_spans, lines)) <= g.HELD)
        self.assertFalse(set(g.TRAIN) & set(g.TUNE))
        self.assertFalse(set(g.NEG_TRAIN) & set(g.NEG_TUNE))

    def test_some_names_open_a_sentence_and_some_texts_have_none(self):
        lines = list(g.texts(random.Random(6), 300))
        self.assertTrue(any(s["start"] == 0 for line in lines for s in line["spans"]))
        self.assertTrue(any(line["pii_free"] for line in lines))


if __name__ == "__main__":
    unittest.main()
